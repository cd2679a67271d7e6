// Pack diagnostics as an admin reads them: grouped by file, files in pack
// order (folders before deeper paths, "02" before "10"), each file's problems
// by position, errors before warnings at the same spot.
import type { Diagnostic, Severity } from '../api/types'

export interface DiagnosticCounts {
  errors: number
  warnings: number
}

export interface DiagnosticGroup extends DiagnosticCounts {
  /** Path inside the pack; empty for problems with the pack as a whole. */
  file: string
  diagnostics: Diagnostic[]
}

/** The message in the UI's language: Chinese for `zh-*` locales when the backend sent one, else English. */
export function diagnosticMessage(diagnostic: Pick<Diagnostic, 'message' | 'message_zh'>, locale: string): string {
  return locale.startsWith('zh') && diagnostic.message_zh ? diagnostic.message_zh : diagnostic.message
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1 }

/** Compares pack paths segment by segment, numbers by value. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0
  // Problems with the pack as a whole come first.
  if (!a) return -1
  if (!b) return 1
  const left = a.split('/')
  const right = b.split('/')
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = collator.compare(left[i], right[i]) || (left[i] < right[i] ? -1 : left[i] > right[i] ? 1 : 0)
    if (order !== 0) return order
  }
  return left.length - right.length
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    comparePaths(a.file, b.file) ||
    a.line - b.line ||
    a.col - b.col ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    collator.compare(a.message, b.message)
  )
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics)
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  return { errors, warnings: diagnostics.length - errors }
}

export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const groups: DiagnosticGroup[] = []
  for (const diagnostic of sortDiagnostics(diagnostics)) {
    let group = groups[groups.length - 1]
    if (!group || group.file !== diagnostic.file) {
      group = { file: diagnostic.file, diagnostics: [], errors: 0, warnings: 0 }
      groups.push(group)
    }
    group.diagnostics.push(diagnostic)
    if (diagnostic.severity === 'error') group.errors++
    else group.warnings++
  }
  return groups
}

/**
 * The groups as an author fixes them: files with errors before files with
 * only warnings, and in each file its errors before its warnings (each kind
 * still by position). Both sorts are stable, so pack order holds otherwise.
 */
export function errorsFirst(groups: readonly DiagnosticGroup[]): DiagnosticGroup[] {
  return groups
    .map((group) => ({
      ...group,
      diagnostics: [...group.diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
    }))
    .sort((a, b) => Number(a.errors === 0) - Number(b.errors === 0))
}

/** `file:line:col` as the CLI prints it, leaving out the parts that are unknown. */
export function formatLocation(diagnostic: Diagnostic): string {
  if (!diagnostic.file) return ''
  if (diagnostic.line <= 0) return diagnostic.file
  if (diagnostic.col <= 0) return `${diagnostic.file}:${diagnostic.line}`
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.col}`
}

export interface MessagePart {
  text: string
  code: boolean
}

/**
 * Splits a message on `backticks` so names from the pack (keys, kinds, ids)
 * can be shown as code. An unmatched backtick is kept as text.
 */
export function messageParts(message: string): MessagePart[] {
  const pieces = message.split('`')
  if (pieces.length % 2 === 0) return [{ text: message, code: false }]
  return pieces.map((text, index) => ({ text, code: index % 2 === 1 })).filter((part) => part.text !== '')
}
