import { describe, expect, it } from 'vitest'
import { announcementFor, countdownLevel, formatCountdown, splitDuration } from './countdown'

describe('formatCountdown', () => {
  it.each([
    [900, '15:00'],
    [605, '10:05'],
    [59, '00:59'],
    [0, '00:00'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
  ])('shows %i seconds as %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text)
  })

  it('rounds part seconds up, so 0:00 means the time is really up', () => {
    expect(formatCountdown(0.2)).toBe('00:01')
    expect(formatCountdown(59.5)).toBe('01:00')
  })

  it('never shows a negative time', () => {
    expect(formatCountdown(-12)).toBe('00:00')
    expect(splitDuration(-1)).toEqual({ hours: 0, minutes: 0, seconds: 0 })
  })
})

describe('announcementFor', () => {
  it('speaks when the countdown crosses five minutes and one minute', () => {
    expect(announcementFor(301, 300)).toBe(300)
    expect(announcementFor(61, 60)).toBe(60)
  })

  it('catches a crossing skipped over by a sleeping window', () => {
    expect(announcementFor(400, 250)).toBe(300)
    expect(announcementFor(200, 10)).toBe(60)
  })

  it('stays quiet otherwise, including a resumed attempt already past a mark', () => {
    expect(announcementFor(600, 599)).toBeNull()
    expect(announcementFor(300, 299)).toBeNull()
    expect(announcementFor(60, 59)).toBeNull()
    expect(announcementFor(5, 4)).toBeNull()
  })
})

describe('countdownLevel', () => {
  it.each([
    [301, 'normal'],
    [300, 'warning'],
    [61, 'warning'],
    [60, 'danger'],
    [0, 'danger'],
  ] as const)('%i seconds left looks %s', (seconds, level) => {
    expect(countdownLevel(seconds)).toBe(level)
  })
})
