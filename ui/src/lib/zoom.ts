//! Puts a text size on the screen. In the desktop app the webview zooms
// itself (crisp text, and layouts measured in px scale too); anywhere else —
// `vite dev` in a browser, the unit tests — CSS `zoom` on <html> does the same.
// This is the only place that chooses between the two.
import { isTauri } from '@tauri-apps/api/core'
import { getCurrentWebview } from '@tauri-apps/api/webview'

export async function applyZoom(percent: number): Promise<void> {
  const root = document.documentElement
  root.dataset.textSize = String(percent)
  if (isTauri()) {
    try {
      await getCurrentWebview().setZoom(percent / 100)
      root.style.removeProperty('--text-zoom')
      return
    } catch (reason) {
      // Without the webview permission the page still gets bigger, by CSS.
      console.error('could not zoom the webview', reason)
    }
  }
  // base.css puts --text-zoom on <html>'s `zoom`.
  if (percent === 100) root.style.removeProperty('--text-zoom')
  else root.style.setProperty('--text-zoom', String(percent / 100))
}
