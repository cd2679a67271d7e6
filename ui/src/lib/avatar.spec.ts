import { describe, expect, it } from 'vitest'
import { AVATAR_COLOURS, initials, textOn } from './avatar'
import { contrast, parseHex } from './colour'

describe('initials', () => {
  it('uses the last two characters of a Chinese name', () => {
    expect(initials('王小丽')).toBe('小丽')
    expect(initials(' 李 雷 ')).toBe('李雷')
    expect(initials('欧阳')).toBe('欧阳')
  })

  it('uses the first letters of two words otherwise', () => {
    expect(initials('wang li')).toBe('WL')
    expect(initials('Ada')).toBe('A')
    expect(initials('   ')).toBe('?')
  })
})

describe('textOn', () => {
  it('picks the more readable text colour', () => {
    expect(textOn('#1d4ed8')).toBe('#ffffff')
    expect(textOn('#fde68a')).toBe('#111827')
  })

  it('offers only colours white text is readable on', () => {
    for (const colour of AVATAR_COLOURS) {
      expect(contrast(parseHex(colour)!, [255, 255, 255]), colour).toBeGreaterThanOrEqual(4.5)
    }
  })
})
