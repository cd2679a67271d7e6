import { describe, expect, it } from 'vitest'
import type { BusinessMetric, GroupSummary } from '../api/impact'
import { createAppI18n } from '../i18n'
import { impactChartTable, levelCountsTable, type TableText } from './chartTable'

const { t } = createAppI18n('zh-CN').global
const text: TableText = {
  t: (key, values) => (values ? t(key, values) : t(key)),
  number: (value) => (value === null || value === undefined ? '—' : String(Math.round(value * 100) / 100)),
}

function group(before: number, after: number, ci: [number, number] | null = null): GroupSummary {
  return {
    n: 2,
    excluded_missing: 0,
    mean_before: before,
    mean_after: after,
    mean_diff: after - before,
    pct_change: null,
    p_t: null,
    p_wilcoxon: null,
    ci95: ci,
    cohens_d: null,
    warnings: [],
  }
}

const metric = {
  definition: { name: '日均活跃率' },
  stats: { ...group(20, 30, [6, 14]), control: group(21, 24, [-1, 7]), did: { estimate: 7, ci95: [2, 12] } },
  units: [
    { unit: '华东一群', group: 'treatment', before: 18, after: 31 },
    { unit: '华南二群', group: 'control', before: 21, after: null },
  ],
} as unknown as BusinessMetric

describe('chart tables', () => {
  it('a distribution: one row per level with its count', () => {
    expect(levelCountsTable('各档次人数', ['未达标', '优秀'], [1, 4], text)).toEqual({
      caption: '各档次人数',
      columns: ['档次', '成绩份数'],
      rows: [
        ['未达标', '1'],
        ['优秀', '4'],
      ],
    })
  })

  it('the change chart: each group’s mean change and interval, then the net effect', () => {
    const table = impactChartTable(metric, 'change', text)
    expect(table.caption).toBe('日均活跃率：平均变化及 95% 置信区间')
    expect(table.columns).toEqual(['组别', '平均变化', '95% 置信区间'])
    expect(table.rows).toEqual([
      ['训练组', '10', '6 至 14'],
      ['对照组', '3', '-1 至 7'],
      ['净效应（DiD）', '7', '2 至 12'],
    ])
  })

  it('the slope chart: every unit, a missing value as a dash', () => {
    expect(impactChartTable(metric, 'slope', text).rows).toEqual([
      ['华东一群', '训练组', '18', '31'],
      ['华南二群', '对照组', '21', '—'],
    ])
  })

  it('the DiD chart: both groups and the trained group’s path without training', () => {
    const table = impactChartTable(metric, 'did', text)
    expect(table.columns).toEqual(['组别', '培训前', '培训后'])
    expect(table.rows).toEqual([
      ['训练组', '20', '30'],
      ['对照组', '21', '24'],
      ['训练组若未培训（按对照组变化推算）', '20', '23'],
    ])
  })
})
