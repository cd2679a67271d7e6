// A course may bring its own brand colour. We keep its hue but adjust its
// lightness until text on it (and it as text) meets WCAG AA (4.5:1), so a
// pale brand colour can never make buttons or links unreadable.

type Rgb = [number, number, number]

const HEX = /^#([0-9a-f]{6})$/i

export function parseHex(colour: string): Rgb | null {
  const match = HEX.exec(colour.trim())
  if (!match) return null
  const n = parseInt(match[1], 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

function channel(c: number): number {
  const s = c / 255
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((c, i) => c + (to[i] - c) * amount) as Rgb
}

/**
 * Moves `colour` toward `toward` in small steps until it contrasts enough with
 * `against` (a colour, or one that depends on the candidate, such as its own tint).
 */
export function ensureContrast(colour: Rgb, against: Rgb | ((candidate: Rgb) => Rgb), toward: Rgb, ratio = 4.5): Rgb {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(colour, toward, step / 20)
    if (contrast(candidate, typeof against === 'function' ? against(candidate) : against) >= ratio) return candidate
  }
  return toward
}

const WHITE: Rgb = [255, 255, 255]
const BLACK: Rgb = [0, 0, 0]
// Matches --color-surface in the dark theme (tokens.css).
const DARK_SURFACE: Rgb = [0x1b, 0x20, 0x27]

export interface AccentPalette {
  /** Fill for buttons and bars; white text on it passes AA; also link colour on light surfaces. */
  accent: string
  /** Link / accent text colour on dark surfaces. */
  accentOnDark: string
}

export function accentPalette(primaryColour: string | null | undefined): AccentPalette | null {
  const rgb = primaryColour ? parseHex(primaryColour) : null
  if (!rgb) return null
  // As text it also sits on the light --color-accent-soft (10% accent over white: the
  // objectives box), a little darker than white: contrast is checked against that tint.
  const accent = ensureContrast(rgb, (candidate) => mix(WHITE, candidate, 0.1), BLACK)
  // As text it also sits on --color-accent-soft (10% accent over the surface), which is
  // lighter than the plain dark surface: contrast is checked against that tint.
  const softOnDark = mix(DARK_SURFACE, accent, 0.1)
  return {
    accent: toHex(accent),
    accentOnDark: toHex(ensureContrast(rgb, softOnDark, WHITE)),
  }
}
