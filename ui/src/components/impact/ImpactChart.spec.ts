// An effect-report chart is one named image, and its figures reach screen
// readers as a table built from the same metric.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import type { EffectReport } from '../../api/impact'
import ImpactChart from './ImpactChart.vue'

const report = {
  study: { unitKindZh: '群' },
  business: {
    metrics: [
      {
        definition: { name: '日均活跃率', unit: '%' },
        stats: { n: 2, mean_before: 20, mean_after: 30, mean_diff: 10, ci95: [6, 14], control: null, did: null },
        units: [
          { unit: '华东一群', group: 'treatment', before: 18, after: 31 },
          { unit: '华东二群', group: 'treatment', before: 22, after: 29 },
        ],
      },
    ],
    roi: null,
  },
  knowledge: { pairs: [] },
  reaction: { surveys: [] },
} as unknown as EffectReport

describe('ImpactChart', () => {
  it('names the drawing and gives its figures as a hidden table', () => {
    const wrapper = mount(ImpactChart, { props: { report, kind: 'slope', index: 0 }, global: { plugins: [createAppI18n('zh-CN')] } })
    const image = wrapper.get('[role="img"]')
    expect(image.attributes('aria-label')).toBe('日均活跃率：各对象培训前后变化')
    expect(image.attributes('data-chart')).toBe('slope')
    const table = wrapper.get('[data-testid="chart-table"]')
    expect(table.classes()).toContain('visually-hidden')
    expect(table.findAll('th[scope="col"]').map((th) => th.text())).toEqual(['对象', '组别', '培训前', '培训后'])
    expect(table.findAll('tbody tr').map((tr) => tr.text())).toEqual(['华东一群训练组1831', '华东二群训练组2229'])
    wrapper.unmount()
  })
})
