import { describe, expect, it } from 'vitest'
import { IDLE_AFTER_MS, isStudying } from './useStudyTracking'

describe('isStudying', () => {
  it('needs focus and recent activity', () => {
    const now = 1_000_000
    expect(isStudying(true, now - 1_000, now)).toBe(true)
    expect(isStudying(false, now - 1_000, now)).toBe(false)
    expect(isStudying(true, now - IDLE_AFTER_MS, now)).toBe(false)
  })
})
