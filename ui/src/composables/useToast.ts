// Short confirmations ("course removed") that do not interrupt: one shared
// list shown by ToastHost in App.vue, each toast leaving by itself. At most
// MAX_TOASTS are shown (the oldest gives way), the same message twice shows
// once, and toasts wait while the pointer or keyboard focus is on them so
// nobody loses a message they are reading (WCAG 2.2.1, timing adjustable).
// A toast may carry one action (在文件夹中显示): a button beside the message,
// reachable with Tab like the close button.
import { reactive, readonly } from 'vue'

export type ToastTone = 'success' | 'info'

export interface ToastAction {
  label: string
  run: () => void
}

export interface Toast {
  id: number
  message: string
  tone: ToastTone
  action: ToastAction | null
}

const toasts = reactive<Toast[]>([])
const timers = new Map<number, { handle: ReturnType<typeof setTimeout> | null; durationMs: number }>()
let nextId = 1
let held = false

/** How long a toast stays, long enough to read a sentence twice. */
export const TOAST_MS = 7000
/** More than this at once is noise; the oldest leaves early. */
export const MAX_TOASTS = 3

function startTimer(id: number): void {
  const timer = timers.get(id)
  if (!timer || timer.durationMs <= 0 || held) return
  if (timer.handle) clearTimeout(timer.handle)
  timer.handle = setTimeout(() => dismissToast(id), timer.durationMs)
}

export function showToast(
  message: string,
  tone: ToastTone = 'success',
  durationMs = TOAST_MS,
  action: ToastAction | null = null,
): number {
  const same = toasts.find((toast) => toast.message === message)
  if (same) dismissToast(same.id)
  const id = nextId++
  toasts.push({ id, message, tone, action })
  timers.set(id, { handle: null, durationMs })
  startTimer(id)
  while (toasts.length > MAX_TOASTS) dismissToast(toasts[0].id)
  return id
}

export function dismissToast(id: number): void {
  const timer = timers.get(id)
  if (timer?.handle) clearTimeout(timer.handle)
  timers.delete(id)
  const index = toasts.findIndex((toast) => toast.id === id)
  if (index >= 0) toasts.splice(index, 1)
}

/** While held (pointer over or focus inside the toasts) none leaves; on release each gets its full time again. */
export function holdToasts(hold: boolean): void {
  held = hold
  for (const [id, timer] of timers) {
    if (hold && timer.handle) {
      clearTimeout(timer.handle)
      timer.handle = null
    } else if (!hold) {
      startTimer(id)
    }
  }
}

export function useToasts() {
  return { toasts: readonly(toasts), showToast, dismissToast, holdToasts }
}
