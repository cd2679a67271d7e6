// ECharts options for the teaching screens' charts, built from backend
// figures and the theme's colours. Kept apart from the components so the
// figures a chart draws can be checked without drawing it.
import type { EChartsCoreOption } from 'echarts/core'
import type { ChartColours } from '../composables/useChartColours'
import { USEFUL_FACILITY, WEAK_DISCRIMINATION } from './itemAnalysis'

const axis = (colours: ChartColours) => ({
  axisLine: { lineStyle: { color: colours.border } },
  axisLabel: { color: colours.muted },
  splitLine: { lineStyle: { color: colours.border } },
  nameTextStyle: { color: colours.muted },
})

/** How many released grades fell on each level of one criterion. */
export function levelBarsOption(labels: string[], counts: number[], colours: ChartColours): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    textStyle: { color: colours.text },
    xAxis: { type: 'category', data: labels, ...axis(colours) },
    yAxis: { type: 'value', minInterval: 1, ...axis(colours) },
    series: [
      {
        type: 'bar',
        data: counts,
        itemStyle: { color: colours.accent },
        label: { show: true, position: 'top', color: colours.text },
      },
    ],
  }
}

export interface ItemPoint {
  /** Shown in the tooltip. */
  name: string
  facility: number
  discrimination: number
}

/**
 * Facility (x, 0…1) against discrimination (y, −1…1) per question, with
 * the reading thresholds of lib/itemAnalysis.ts drawn as dashed lines.
 */
export function itemScatterOption(
  points: ItemPoint[],
  axes: { facility: string; discrimination: string },
  colours: ChartColours,
): EChartsCoreOption {
  const threshold = (value: number, along: 'xAxis' | 'yAxis') => ({ [along]: value })
  return {
    animation: false,
    // Room below and to the left for the axis names, which containLabel leaves out.
    grid: { left: 32, right: 24, top: 24, bottom: 40, containLabel: true },
    textStyle: { color: colours.text },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: axes.facility, nameLocation: 'middle', nameGap: 28, min: 0, max: 1, ...axis(colours) },
    yAxis: { type: 'value', name: axes.discrimination, nameLocation: 'middle', nameGap: 36, min: -1, max: 1, ...axis(colours) },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: colours.accent },
        data: points.map((p) => ({ name: p.name, value: [p.facility, p.discrimination] })),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: colours.warning, type: 'dashed' },
          data: [
            threshold(USEFUL_FACILITY.from, 'xAxis'),
            threshold(USEFUL_FACILITY.to, 'xAxis'),
            threshold(WEAK_DISCRIMINATION, 'yAxis'),
          ],
        },
      },
    ],
  }
}
