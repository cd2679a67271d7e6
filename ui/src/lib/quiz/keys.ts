// Keyboard shortcuts of the quiz screens: ← / → previous and next question,
// 1–9 pick an option, Enter next. Typing always wins: nothing fires while a
// text field, a list box or an input method has the keys.

export type QuizKeyAction = { type: 'previous' } | { type: 'next' } | { type: 'pick'; index: number }

export interface QuizKeyEvent {
  key: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  /** True while an input method (pinyin, …) is composing text. */
  isComposing?: boolean
  target: EventTarget | null
}

type TargetKind = 'text' | 'multiline' | 'select' | 'toggle' | 'button' | 'other'

const TOGGLE_TYPES = new Set(['radio', 'checkbox'])
const BUTTON_TYPES = new Set(['button', 'submit', 'reset'])

function targetKind(target: EventTarget | null): TargetKind {
  const el = target as (HTMLElement & { type?: string }) | null
  if (!el || typeof el.tagName !== 'string') return 'other'
  if (el.isContentEditable) return 'multiline'
  const tag = el.tagName.toLowerCase()
  if (tag === 'textarea') return 'multiline'
  if (tag === 'select') return 'select'
  if (tag === 'button' || tag === 'a' || tag === 'summary') return 'button'
  if (tag === 'input') {
    const type = (el.type ?? 'text').toLowerCase()
    if (TOGGLE_TYPES.has(type)) return 'toggle'
    if (BUTTON_TYPES.has(type)) return 'button'
    return 'text'
  }
  return 'other'
}

/** What a key press should do on a quiz screen, or null to leave it alone. */
export function quizKeyAction(event: QuizKeyEvent): QuizKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return null
  const kind = targetKind(event.target)
  if (kind === 'multiline' || kind === 'select') return null

  if (event.key === 'Enter') {
    // Buttons and links keep Enter for themselves.
    return kind === 'button' ? null : { type: 'next' }
  }
  // In a text field the arrows move the caret and digits are the answer.
  if (kind === 'text') return null
  if (event.key === 'ArrowLeft') return { type: 'previous' }
  if (event.key === 'ArrowRight') return { type: 'next' }
  if (/^[1-9]$/.test(event.key)) return { type: 'pick', index: Number(event.key) - 1 }
  return null
}
