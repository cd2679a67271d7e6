//! The text size of the whole window, shared by 设置 and the Ctrl+= / Ctrl+- /
// Ctrl+0 keys (App.vue): one value, stored on this machine (lib/preferences.ts)
// and applied by lib/zoom.ts each time it changes.
import { readonly, ref } from 'vue'
import { DEFAULT_TEXT_SIZE, stepTextSize, storeTextSize, storedTextSize, type TextSize } from '../lib/preferences'
import { applyZoom } from '../lib/zoom'

const size = ref<TextSize>(storedTextSize())

function setTextSize(next: TextSize): void {
  size.value = next
  storeTextSize(next)
  void applyZoom(next)
}

export function useTextSize() {
  return {
    textSize: readonly(size),
    setTextSize,
    larger: () => setTextSize(stepTextSize(size.value, 1)),
    smaller: () => setTextSize(stepTextSize(size.value, -1)),
    reset: () => setTextSize(DEFAULT_TEXT_SIZE),
  }
}
