import { describe, expect, it } from 'vitest'
import { formatDate, formatFileSize, formatFixed } from './format'

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

describe('numbers', () => {
  it('keep a fixed number of places in each locale', () => {
    expect(formatFixed(0.4, 'zh-CN', 2)).toBe('0.40')
    expect(formatFixed(1234.5, 'en', 2)).toBe('1,234.50')
  })

  it('write file sizes in KB or MB', () => {
    expect(formatFileSize(10, 'en')).toBe('1 kB')
    expect(formatFileSize(300 * 1024, 'en')).toBe('300 kB')
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB')
    expect(formatFileSize(1.5 * 1024 * 1024, 'zh-CN')).toMatch(/^1\.5\s?MB$/)
  })
})
