// The theme's colours for charts. ECharts draws SVG with literal colours,
// so they are read from the CSS tokens and read again when the theme
// (html[data-theme]) or the course accent changes.
import { onBeforeUnmount, onMounted, readonly, ref } from 'vue'

export interface ChartColours {
  text: string
  muted: string
  border: string
  accent: string
  warning: string
  surface: string
}

function read(): ChartColours {
  const style = getComputedStyle(document.documentElement)
  const token = (name: string) => style.getPropertyValue(name).trim()
  return {
    text: token('--color-text'),
    muted: token('--color-text-muted'),
    border: token('--color-border'),
    accent: token('--color-accent'),
    warning: token('--color-warning-text'),
    surface: token('--color-surface'),
  }
}

export function useChartColours() {
  const colours = ref<ChartColours>(read())
  let observer: MutationObserver | null = null
  onMounted(() => {
    colours.value = read()
    observer = new MutationObserver(() => (colours.value = read()))
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style'] })
  })
  onBeforeUnmount(() => observer?.disconnect())
  return readonly(colours)
}
