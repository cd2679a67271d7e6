// Every screen that loads data does the same when the load ends: wait for
// the DOM, then tell `screenSettled` (first screen → cold-start mark; later
// screens → focus the new h1 for screen-reader users). The screen's root
// element carries `ref="root"`; the returned template ref is that element.
import { nextTick, useTemplateRef, watch, type Ref, type ShallowRef } from 'vue'
import { screenSettled } from '../lib/screen'

export function useSettledScreen(loading: Ref<boolean>): Readonly<ShallowRef<HTMLElement | null>> {
  const root = useTemplateRef<HTMLElement>('root')
  watch(loading, async (isLoading) => {
    if (isLoading) return
    await nextTick()
    screenSettled(root.value?.querySelector('h1'))
  })
  return root
}
