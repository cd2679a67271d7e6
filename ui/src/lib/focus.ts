// Keyboard focus inside modal dialogs: what can take focus, keeping Tab from
// leaving the dialog, and which dialog is on top when they stack.

/** Open modal dialogs, the topmost last; only that one answers the keyboard. */
export const openDialogs: symbol[] = []
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

/** Elements inside `root` that Tab reaches, in document order. */
export function focusableWithin(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[hidden], [inert]') && el.getAttribute('aria-hidden') !== 'true',
  )
}

/**
 * Keeps Tab and Shift+Tab cycling inside `root`. Returns true when it moved
 * focus itself (the event's default is then prevented).
 */
export function trapTab(event: KeyboardEvent, root: HTMLElement): boolean {
  if (event.key !== 'Tab') return false
  const items = focusableWithin(root)
  if (items.length === 0) {
    event.preventDefault()
    root.focus()
    return true
  }
  const first = items[0]
  const last = items[items.length - 1]
  const active = document.activeElement as HTMLElement | null
  const inside = !!active && root.contains(active)
  if (event.shiftKey && (!inside || active === first || active === root)) {
    event.preventDefault()
    last.focus()
    return true
  }
  if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault()
    first.focus()
    return true
  }
  return false
}
