// Dates as the reader's locale writes them ("2026年11月20日", "Nov 20, 2026").
export function formatDate(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(time))
}
