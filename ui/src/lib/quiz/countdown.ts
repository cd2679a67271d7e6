// The attempt's countdown as the learner sees and hears it. The backend owns
// the time (remainingSeconds keeps running across restarts); these helpers
// only turn a number of seconds into text and decide when to speak up.

/** "14:05", or "1:02:03" from an hour up. Never negative. */
export function formatCountdown(seconds: number): string {
  const { hours, minutes, seconds: secs } = splitDuration(seconds)
  const mm = String(minutes).padStart(2, '0')
  const ss = String(secs).padStart(2, '0')
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`
}

export function splitDuration(seconds: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.ceil(seconds))
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 }
}

/** Moments, in seconds left, at which screen readers hear how long is left. */
export const ANNOUNCE_AT = [300, 60] as const

/**
 * The announcement due when the countdown moves from `previous` to `current`
 * seconds left: 300 when it crosses five minutes, 60 when it crosses one,
 * null otherwise. A countdown that starts below a mark (a resumed attempt)
 * does not announce it late.
 */
export function announcementFor(previous: number, current: number): number | null {
  for (const mark of ANNOUNCE_AT) {
    if (previous > mark && current <= mark) return mark
  }
  return null
}

export type CountdownLevel = 'normal' | 'warning' | 'danger'

/** How urgent the timer looks: amber from five minutes, red from one. */
export function countdownLevel(seconds: number): CountdownLevel {
  if (seconds <= 60) return 'danger'
  if (seconds <= 300) return 'warning'
  return 'normal'
}
