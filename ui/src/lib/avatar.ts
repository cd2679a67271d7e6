// Avatars: initials from a display name and a readable text colour on the
// profile's colour.
import { contrast, parseHex } from './colour'

/** The avatar colours offered when creating a profile (all pass 4.5:1 with white text). */
export const AVATAR_COLOURS = ['#2f6f5e', '#1d4ed8', '#9333ea', '#be185d', '#b45309', '#0f766e', '#4d7c0f', '#475569']

const HAN = /\p{Script=Han}/u

/**
 * Chinese names show their last two characters (王小丽 → 小丽, as people
 * are usually addressed); other names the first letters of their first two
 * words (Wang Li → WL).
 */
export function initials(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) return '?'
  const chars = [...trimmed.replace(/\s+/g, '')]
  if (HAN.test(trimmed)) return chars.slice(-2).join('')
  const words = trimmed.split(/\s+/).filter(Boolean)
  return words
    .slice(0, 2)
    .map((w) => [...w][0].toUpperCase())
    .join('')
}

/** White or near-black, whichever reads better on `colour`. */
export function textOn(colour: string): string {
  const rgb = parseHex(colour)
  if (!rgb) return '#ffffff'
  return contrast(rgb, [255, 255, 255]) >= contrast(rgb, [17, 24, 39]) ? '#ffffff' : '#111827'
}
