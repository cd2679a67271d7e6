// Dates as the reader's locale writes them ("2026年11月20日", "Nov 20, 2026").
export function formatDate(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(time))
}

// File sizes in whole kilobytes as the reader's locale writes them ("12 KB", "12 kB", "12 千字节").
export function formatKilobytes(bytes: number, locale: string): string {
  const kilobytes = Math.max(1, Math.round(bytes / 1024))
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte' }).format(kilobytes)
}

/** A decimal with a fixed number of places, as the locale writes it ("0.42", "1,234.50"). */
export function formatFixed(value: number, locale: string, places: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: places, maximumFractionDigits: places }).format(value)
}

/** A file size in KB below one megabyte, else MB with one decimal; never "0 KB" for a non-empty file. */
export function formatFileSize(bytes: number, locale: string): string {
  const megabytes = bytes >= 1024 * 1024
  const value = megabytes ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024))
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(value)
}
