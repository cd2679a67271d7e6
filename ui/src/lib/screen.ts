// What happens when a screen has finished loading. The first one tells the
// backend the app is interactive (it measures cold start with `ui_ready`);
// later ones move focus to the new heading so screen-reader users hear that
// the page changed, as they would on a full page load.
import { uiReady } from '../api/app'

let firstScreenShown = false

export function screenSettled(heading?: HTMLElement | null): void {
  if (!firstScreenShown) {
    firstScreenShown = true
    // After the next paint, so the measurement includes rendering.
    requestAnimationFrame(() => {
      uiReady().catch(() => {
        // Timing is best-effort; a failure here must not disturb the learner.
      })
    })
    return
  }
  heading?.focus({ preventScroll: true })
}

/** For tests: forget that a screen was shown. */
export function resetScreenState(): void {
  firstScreenShown = false
}
