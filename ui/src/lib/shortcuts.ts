//! App-wide keyboard shortcuts: `?` opens the shortcut help, `/` jumps to search,
// Ctrl (⌘ on macOS) with = / + / - / 0 changes the text size.
// Screen shortcuts (quiz answers, rubric levels) live with their screens; `?` and `/`
// work everywhere except while typing, where they are ordinary characters; the text
// size keys type nothing, so they work in text boxes and dialogs too.

export type GlobalShortcut = 'help' | 'search'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || !!target.closest('input, textarea, select, [contenteditable="true"]')
}

export function globalShortcut(event: KeyboardEvent): GlobalShortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null
  if (isTyping(event.target)) return null
  if (event.key === '?') return 'help'
  if (event.key === '/') return 'search'
  return null
}

export type ZoomShortcut = 'larger' | 'smaller' | 'reset'

/** The key that goes with the text size keys: ⌘ on a Mac, Ctrl elsewhere. */
export function modifierKey(): string {
  return /mac/i.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl'
}

/** Ctrl (or ⌘) with = or + enlarges, with - shrinks, with 0 resets; the keypad's keys count too. */
export function zoomShortcut(event: KeyboardEvent): ZoomShortcut | null {
  if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return null
  if (event.key === '=' || event.key === '+') return 'larger'
  if (event.key === '-' || event.key === '_') return 'smaller'
  if (event.key === '0' || event.code === 'Digit0' || event.code === 'Numpad0') return 'reset'
  return null
}
