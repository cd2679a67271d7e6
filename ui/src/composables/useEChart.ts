// One ECharts instance tied to an element's life: drawn once mounted,
// redrawn when its option changes, resized with the window, disposed on
// unmount. Each chart component registers the chart types it draws.
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core'

export function useEChart(el: Readonly<Ref<HTMLElement | null>>, option: () => EChartsCoreOption): void {
  let chart: ECharts | null = null

  function draw(): void {
    if (!el.value) return
    chart ??= init(el.value, null, { renderer: 'svg' })
    chart.setOption(option(), true)
  }

  const resize = () => chart?.resize()
  onMounted(() => {
    draw()
    window.addEventListener('resize', resize)
  })
  watch(option, draw)
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize)
    chart?.dispose()
  })
}
