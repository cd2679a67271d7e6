// The background problems the banner and the settings badge show: asked
// again on every screen change, every 30 seconds, and when the window gets
// focus back, so a sync that fails (or recovers) while the person reads is
// seen without a restart. One shared list for the whole window.
import { computed, ref } from 'vue'
import { appHealth, type HealthProblem } from '../api/health'

const REFRESH_MS = 30_000

const problems = ref<HealthProblem[]>([])
let timer: ReturnType<typeof setInterval> | null = null

export async function refreshHealth(): Promise<void> {
  try {
    problems.value = (await appHealth()).problems
  } catch (reason) {
    // The banner is a convenience: a failing check must not break the screen.
    console.error('could not read the app health', reason)
  }
}

/** Starts the periodic check (once per window). */
export function watchHealth(): void {
  if (timer !== null) return
  void refreshHealth()
  timer = setInterval(() => void refreshHealth(), REFRESH_MS)
  window.addEventListener('focus', () => void refreshHealth())
}

export function useHealth() {
  return { problems, hasProblems: computed(() => problems.value.length > 0) }
}
