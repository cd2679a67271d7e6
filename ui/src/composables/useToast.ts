// Short confirmations ("course removed") that do not interrupt: one shared
// list shown by ToastHost in App.vue, each toast leaving by itself.
import { reactive, readonly } from 'vue'

export type ToastTone = 'success' | 'info'

export interface Toast {
  id: number
  message: string
  tone: ToastTone
}

const toasts = reactive<Toast[]>([])
let nextId = 1

/** How long a toast stays, long enough to read a sentence twice. */
export const TOAST_MS = 7000

export function showToast(message: string, tone: ToastTone = 'success', durationMs = TOAST_MS): number {
  const id = nextId++
  toasts.push({ id, message, tone })
  if (durationMs > 0) setTimeout(() => dismissToast(id), durationMs)
  return id
}

export function dismissToast(id: number): void {
  const index = toasts.findIndex((toast) => toast.id === id)
  if (index >= 0) toasts.splice(index, 1)
}

export function useToasts() {
  return { toasts: readonly(toasts), showToast, dismissToast }
}
