//! What the chart table builders (lib/chartTable.ts) need from the screen's
// language: its messages and its way of writing numbers (at most two decimals,
// a dash for a figure there is none of).
import { useI18n } from 'vue-i18n'
import type { TableText } from '../lib/chartTable'

export function useChartTableText(): TableText {
  const { t, locale } = useI18n()
  return {
    t: (key, values) => (values ? t(key, values) : t(key)),
    number: (value) =>
      value === null || value === undefined ? t('common.missing') : new Intl.NumberFormat(locale.value, { maximumFractionDigits: 2 }).format(value),
  }
}
