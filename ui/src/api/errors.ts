// Every backend command rejects with `{ kind, message }` (src-tauri/error.rs).
// The UI only ever sees an AppError, so views can pick wording and advice by
// `kind` without knowing how the failure crossed the IPC bridge.

export const ERROR_KINDS = [
  'not_found',
  'invalid_input',
  'database',
  'io',
  'internal',
  'forbidden',
] as const

export type ErrorKind = (typeof ERROR_KINDS)[number]

export class AppError extends Error {
  readonly kind: ErrorKind

  constructor(kind: ErrorKind, message: string) {
    super(message)
    this.name = 'AppError'
    this.kind = kind
  }
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

/** Turns whatever a rejected invoke produced into an AppError. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason
  if (typeof reason === 'object' && reason !== null && 'kind' in reason) {
    const { kind, message } = reason as { kind: unknown; message?: unknown }
    const text = typeof message === 'string' ? message : ''
    return new AppError(isErrorKind(kind) ? kind : 'internal', tidy(text))
  }
  // A plain string comes from Tauri itself (unknown command, bad arguments);
  // an Error from the JS side (for example no Tauri runtime at all).
  if (typeof reason === 'string') return new AppError('internal', tidy(reason))
  if (reason instanceof Error) return new AppError('internal', tidy(reason.message))
  return new AppError('internal', '')
}
