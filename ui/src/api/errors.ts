// Every backend command rejects with `{ kind, message, message_zh }`
// (src-tauri/error.rs: the English and the Chinese text of one message); a
// pack that fails to import also sends the problems it found as
// `diagnostics`. The error shows the text of the interface language, as a
// diagnostic does (lib/diagnostics.ts). The UI only ever sees an AppError, so views can pick wording
// and advice by `kind` without knowing how the failure crossed the IPC bridge.
import type { Diagnostic } from './types'

export const ERROR_KINDS = [
  'not_found',
  'invalid_input',
  'database',
  'io',
  'internal',
  'forbidden',
  'conflict',
] as const

export type ErrorKind = (typeof ERROR_KINDS)[number]

export class AppError extends Error {
  readonly kind: ErrorKind
  /** Problems found in a course pack; empty for every other failure. */
  readonly diagnostics: Diagnostic[]
  /** What the person can do about a refusal (enter the PIN, set up or confirm the admin). */
  readonly remedy: Remedy | null

  /** The English and the Chinese text (the Chinese one empty when only one text came). */
  readonly texts: { en: string; zh: string }

  constructor(
    kind: ErrorKind,
    message: string,
    diagnostics: Diagnostic[] = [],
    remedy: Remedy | null = null,
    messageZh = '',
  ) {
    super(pickText({ en: message, zh: messageZh }, interfaceLocale()))
    this.name = 'AppError'
    this.kind = kind
    this.diagnostics = diagnostics
    this.remedy = remedy
    this.texts = { en: message, zh: messageZh }
  }

  /** The message in `locale` (`zh-CN` or `en`). */
  textIn(locale: string): string {
    return pickText(this.texts, locale)
  }

  /** Refused only because the acting profile is locked: its PIN unlocks it. */
  get locked(): boolean {
    return this.remedy === 'unlock'
  }
}

/** The interface language: `applyLocale` (lib/preferences.ts) writes it on `<html lang>`. */
function interfaceLocale(): string {
  return typeof document === 'undefined' ? 'zh-CN' : document.documentElement.lang || 'zh-CN'
}

function pickText(texts: { en: string; zh: string }, locale: string): string {
  return locale.startsWith('zh') && texts.zh ? texts.zh : texts.en
}

/** The backend's `Remedy`: the way out of a refusal the person can take. */
export const REMEDIES = ['unlock', 'set_up_admin', 'confirm_admin'] as const
export type Remedy = (typeof REMEDIES)[number]

function isRemedy(value: unknown): value is Remedy {
  return typeof value === 'string' && (REMEDIES as readonly string[]).includes(value)
}

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value)
}

// Learners must never see a stack trace or a wall of text: keep the first
// line and cap its length. The full value still goes to the console.
function tidy(message: string): string {
  const firstLine = message.split('\n', 1)[0].trim()
  return firstLine.length > 300 ? `${firstLine.slice(0, 300)}…` : firstLine
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== 'object' || value === null) return false
  const d = value as Record<string, unknown>
  return (
    typeof d.file === 'string' &&
    typeof d.message === 'string' &&
    (d.severity === 'error' || d.severity === 'warning')
  )
}

/** Keeps the well-formed diagnostics, with whole-number positions and tidy messages. */
export function toDiagnostics(value: unknown): Diagnostic[] {
  if (!Array.isArray(value)) return []
  return value.filter(isDiagnostic).map((d) => ({
    file: d.file,
    line: wholeNumber(d.line),
    col: wholeNumber(d.col),
    severity: d.severity,
    message: tidy(d.message),
    ...(typeof d.message_zh === 'string' ? { message_zh: tidy(d.message_zh) } : {}),
  }))
}

function wholeNumber(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0
}

/** Turns whatever a rejected invoke produced into an AppError. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason
  if (typeof reason === 'object' && reason !== null && 'kind' in reason) {
    const { kind, message, message_zh, diagnostics, remedy } = reason as {
      kind: unknown
      message?: unknown
      message_zh?: unknown
      diagnostics?: unknown
      remedy?: unknown
    }
    const text = typeof message === 'string' ? message : ''
    const textZh = typeof message_zh === 'string' ? message_zh : ''
    return new AppError(
      isErrorKind(kind) ? kind : 'internal',
      tidy(text),
      toDiagnostics(diagnostics),
      isRemedy(remedy) ? remedy : null,
      tidy(textZh),
    )
  }
  // A plain string comes from Tauri itself (unknown command, bad arguments);
  // an Error from the JS side (for example no Tauri runtime at all).
  if (typeof reason === 'string') return new AppError('internal', tidy(reason))
  if (reason instanceof Error) return new AppError('internal', tidy(reason.message))
  return new AppError('internal', '')
}
