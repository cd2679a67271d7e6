import { describe, expect, it } from 'vitest'
import { accentPalette, contrast, parseHex } from './colour'

const WHITE = [255, 255, 255] as const
const DARK_SURFACE = [0x1b, 0x20, 0x27] as const

describe('accentPalette', () => {
  it.each(['#0f766e', '#ffeb3b', '#7dd3fc', '#000000', '#ffffff', '#e11d48', '#ea580c'])(
    'keeps %s readable: white on the accent, accent text on dark surfaces',
    (colour) => {
      const palette = accentPalette(colour)!
      expect(contrast(parseHex(palette.accent)!, [...WHITE])).toBeGreaterThanOrEqual(4.5)
      expect(contrast(parseHex(palette.accentOnDark)!, [...DARK_SURFACE])).toBeGreaterThanOrEqual(4.5)
      // On the accent tint (module numbers in the outline): 10% accent over the dark surface.
      const accent = parseHex(palette.accent)!
      const tint = DARK_SURFACE.map((c, i) => c + (accent[i] - c) * 0.1) as [number, number, number]
      expect(contrast(parseHex(palette.accentOnDark)!, tint)).toBeGreaterThanOrEqual(4.5)
      // As text on the light accent tint (the objectives box): 10% accent over white.
      const lightTint = WHITE.map((c, i) => c + (accent[i] - c) * 0.1) as [number, number, number]
      expect(contrast(accent, lightTint)).toBeGreaterThanOrEqual(4.5)
    },
  )

  it('leaves an already dark brand colour unchanged', () => {
    expect(accentPalette('#0f766e')?.accent).toBe('#0f766e')
  })

  it('ignores missing or malformed colours', () => {
    expect(accentPalette(null)).toBeNull()
    expect(accentPalette('teal')).toBeNull()
    expect(accentPalette('#abc')).toBeNull()
  })
})
