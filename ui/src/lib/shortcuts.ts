//! App-wide keyboard shortcuts: `?` opens the shortcut help, `/` jumps to search.
// Screen shortcuts (quiz answers, rubric levels) live with their screens; these two
// work everywhere except while typing, where `?` and `/` are ordinary characters.

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
