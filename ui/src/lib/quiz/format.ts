// Numbers on the quiz screens, written the reader's way.

/** 83, 83.5, 100: a percentage with at most one decimal. */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(percent * 10) / 10)
}

/** A pass mark (0..1) as a whole-number percentage. */
export function passMarkPercent(passMark: number): number {
  return Math.round(passMark * 100)
}

/** Scores keep up to two decimals (partial credit) and drop trailing zeros. */
export function formatScore(score: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(score)
}

/** Date and time, e.g. "2026年11月20日 09:30". */
export function formatDateTime(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time))
}
