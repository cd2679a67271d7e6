//! A chart's text alternative as a table: its caption, column headings and
// rows, the first cell of each row naming it. Builders here turn the data a
// chart draws into the same figures in words (ChartDataTable.vue shows them).
import type { BusinessMetric } from '../api/impact'

export interface ChartTable {
  caption: string
  columns: string[]
  rows: string[][]
}

export type ImpactChartKind = 'means' | 'change' | 'slope' | 'did'

/** Translations and number formatting, from the component's i18n. */
export interface TableText {
  t: (key: string, values?: Record<string, unknown>) => string
  number: (value: number | null | undefined) => string
}

/** Counts per level of a rubric criterion (analytics' distribution bars). */
export function levelCountsTable(caption: string, labels: string[], counts: number[], text: TableText): ChartTable {
  return {
    caption,
    columns: [text.t('analytics.distributions.levelColumn'), text.t('analytics.distributions.countColumn')],
    rows: labels.map((label, i) => [label, text.number(counts[i] ?? 0)]),
  }
}

/** One effect-report chart of a business metric (ImpactChart.vue), in the figures chart-options.js draws. */
export function impactChartTable(metric: BusinessMetric, kind: ImpactChartKind, text: TableText): ChartTable {
  const { t, number } = text
  const s = metric.stats
  const caption = t(`impact.chart.${kind}`, { metric: metric.definition.name })
  const group = (name: 'treatment' | 'control') => t(`impact.manual.groups.${name}`)
  const before = t('impact.manual.periods.before')
  const after = t('impact.manual.periods.after')
  const interval = (ci: [number, number] | null | undefined) =>
    ci ? t('impact.chart.interval', { low: number(ci[0]), high: number(ci[1]) }) : t('common.missing')
  const control = s?.control && s.control.n > 0 ? s.control : null

  if (kind === 'slope') {
    return {
      caption,
      columns: [t('impact.manual.unit'), t('impact.manual.group'), before, after],
      rows: metric.units.map((u) => [u.unit, group(u.group), number(u.before), number(u.after)]),
    }
  }
  if (kind === 'change') {
    const rows = [[group('treatment'), number(s?.mean_diff), interval(s?.ci95)]]
    if (control) rows.push([group('control'), number(control.mean_diff), interval(control.ci95)])
    if (s?.did) rows.push([t('impact.chart.didRow'), number(s.did.estimate), interval(s.did.ci95)])
    return { caption, columns: [t('impact.manual.group'), t('impact.chart.meanChange'), t('impact.chart.ci95')], rows }
  }
  const rows = [[group('treatment'), number(s?.mean_before), number(s?.mean_after)]]
  if (control) rows.push([group('control'), number(control.mean_before), number(control.mean_after)])
  if (kind === 'did' && control && s?.mean_before != null && control.mean_before != null && control.mean_after != null) {
    rows.push([t('impact.chart.counterfactual'), number(s.mean_before), number(s.mean_before + control.mean_after - control.mean_before)])
  }
  return { caption, columns: [t('impact.manual.group'), before, after], rows }
}
