// A countdown that follows the backend's clock. Each answer the backend
// accepts brings a fresh `remainingSeconds`; between them we count down
// locally against a deadline (not by counting ticks, which drift when the
// window sleeps). Reaching zero calls `onExpire` once.
import { onBeforeUnmount, ref } from 'vue'
import { announcementFor } from '../lib/quiz/countdown'

const TICK_MS = 250

export function useCountdown(onExpire: () => void) {
  /** Whole seconds left, or null when the quiz has no time limit. */
  const remaining = ref<number | null>(null)
  /** The last threshold crossed (300, 60), for the screen-reader announcement. */
  const announced = ref<number | null>(null)
  let deadline = 0
  let timer: ReturnType<typeof setInterval> | undefined
  let expired = false

  function stop(): void {
    clearInterval(timer)
    timer = undefined
  }

  function tick(): void {
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
    const previous = remaining.value
    remaining.value = left
    if (previous !== null) {
      const mark = announcementFor(previous, left)
      if (mark !== null) announced.value = mark
    }
    if (left <= 0 && !expired) {
      expired = true
      stop()
      onExpire()
    }
  }

  /** Sets the time left as the backend reported it. */
  function sync(seconds: number | null): void {
    if (expired) return
    if (seconds === null) {
      stop()
      remaining.value = null
      return
    }
    deadline = Date.now() + seconds * 1000
    tick()
    if (!timer && !expired) timer = setInterval(tick, TICK_MS)
  }

  onBeforeUnmount(stop)
  return { remaining, announced, sync, stop }
}
