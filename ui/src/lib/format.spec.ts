import { describe, expect, it } from 'vitest'
import { formatDate } from './format'

describe('formatDate', () => {
  it('writes the date the way each locale does', () => {
    expect(formatDate('2026-11-16T09:00:00Z', 'zh-CN')).toBe('2026年11月16日')
    expect(formatDate('2026-11-16T09:00:00Z', 'en')).toBe('Nov 16, 2026')
  })

  it('is null for a missing or unreadable date', () => {
    expect(formatDate(null, 'zh-CN')).toBeNull()
    expect(formatDate('', 'zh-CN')).toBeNull()
    expect(formatDate('yesterday', 'zh-CN')).toBeNull()
  })
})
