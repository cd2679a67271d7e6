// The chart options the desktop report view and the exported HTML report
// share (crates/app/assets/report/chart-options.js). ECharts inserts what a
// tooltip formatter returns as HTML; unit and learner names come from data
// files and from learners, so each must arrive escaped.
// (tests/browser/report.spec.ts hovers the same tooltips in the real report.)
import { describe, expect, it } from 'vitest'
import '../../../../crates/app/assets/report/chart-options.js'

const MARKUP = '<img src=x onerror="window.__pwned=1">'
const ESCAPED = '&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;'

const report = {
  study: { unitKindZh: '门店' },
  business: {
    metrics: [
      {
        definition: { unit: '%' },
        stats: {},
        units: [
          { unit: MARKUP, group: 'treatment', before: 41, after: 47 },
          { unit: "O'Brien & Co", group: 'control', before: 20, after: 21 },
        ],
      },
    ],
  },
  knowledge: { pairs: [{ preTitle: '课前测', postTitle: '课后测', learners: [{ name: MARKUP, pre: 40, post: 80 }] }] },
}

interface TooltipOptions {
  tooltip: { formatter: (point: { seriesName: string; value: number }) => string }
  series: { name: string }[]
}

function tooltipOf(kind: string, seriesIndex: number): string {
  const options = globalThis.QunxueChartOptions(report, kind, 0) as unknown as TooltipOptions
  const series = options.series[seriesIndex]
  return options.tooltip.formatter({ seriesName: series.name, value: 41 })
}

describe('chart tooltips', () => {
  it('escape a store name that is markup', () => {
    expect(tooltipOf('slope', 0)).toBe(`${ESCAPED}：41`)
  })

  it('escape quotes and ampersands too', () => {
    expect(tooltipOf('slope', 1)).toBe('O&#39;Brien &amp; Co：41')
  })

  it('escape a learner name that is markup', () => {
    expect(tooltipOf('knowledge', 0)).toBe(`${ESCAPED}：41`)
  })
})
