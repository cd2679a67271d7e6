import { describe, expect, it } from 'vitest'
import { discriminationBand, facilityBand, optionShares, parseScore } from './itemAnalysis'

describe('item analysis bands', () => {
  it.each([
    [0, 'hard'],
    [0.29, 'hard'],
    [0.3, 'good'],
    [0.9, 'good'],
    [0.95, 'easy'],
  ] as const)('facility %s is %s', (value, band) => {
    expect(facilityBand(value)).toBe(band)
  })

  it.each([
    [-0.1, 'negative'],
    [0.1, 'weak'],
    [0.3, 'fair'],
    [0.45, 'good'],
  ] as const)('discrimination %s is %s', (value, band) => {
    expect(discriminationBand(value)).toBe(band)
  })

  it('shares sum to one and survive no answers', () => {
    expect(optionShares([2, 1, 1])).toEqual([0.5, 0.25, 0.25])
    expect(optionShares([0, 0])).toEqual([0, 0])
  })
})

describe('parseScore', () => {
  it('accepts numbers within the range, rounding to half points', () => {
    expect(parseScore('3', 5)).toBe(3)
    expect(parseScore(' 2.4 ', 5)).toBe(2.5)
    expect(parseScore('1，5', 5)).toBe(1.5)
    expect(parseScore('0', 5)).toBe(0)
  })

  it('refuses empty, non-numeric and out-of-range input', () => {
    expect(parseScore('', 5)).toBeNull()
    expect(parseScore('abc', 5)).toBeNull()
    expect(parseScore('6', 5)).toBeNull()
    expect(parseScore('-1', 5)).toBeNull()
  })
})
