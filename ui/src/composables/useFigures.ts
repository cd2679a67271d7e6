// Figures in the teaching tables, written the reader's way: percentages,
// fixed decimals (gain, kappa), scores, and "—" where there is no figure yet.
import { useI18n } from 'vue-i18n'
import { formatFixed } from '../lib/format'
import { formatPercent, formatScore } from '../lib/quiz/format'

export function useFigures() {
  const { t, locale } = useI18n()
  const missing = () => t('common.missing')
  return {
    /** A percentage 0 … 100 with at most one decimal: "82.5%". */
    percent: (value: number | null) =>
      value === null ? missing() : t('common.percent', { value: formatPercent(value, locale.value) }),
    /** A decimal with `places` places: "0.42". */
    fixed: (value: number | null, places = 2) => (value === null ? missing() : formatFixed(value, locale.value, places)),
    /** A score or grade with up to two decimals. */
    score: (value: number | null) => (value === null ? missing() : formatScore(value, locale.value)),
  }
}
