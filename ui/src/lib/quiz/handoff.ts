// Passes what one quiz screen already fetched to the next one, so starting
// an attempt or handing it in does not ask the backend twice. Each value is
// taken once; a reload finds nothing here and simply asks the backend.
import type { AttemptResult, AttemptView } from '../../api/quizTypes'

/** Why a result screen was opened, for the notice it shows. */
export type ResultReason = 'submitted' | 'expired'

const attempts = new Map<string, AttemptView>()
const results = new Map<string, { result: AttemptResult; reason: ResultReason }>()

export function handOverAttempt(view: AttemptView): void {
  attempts.set(view.attemptId, view)
}

export function takeAttempt(attemptId: string): AttemptView | null {
  const view = attempts.get(attemptId) ?? null
  attempts.delete(attemptId)
  return view
}

export function handOverResult(result: AttemptResult, reason: ResultReason): void {
  results.set(result.attemptId, { result, reason })
}

export function takeResult(attemptId: string): { result: AttemptResult; reason: ResultReason } | null {
  const entry = results.get(attemptId) ?? null
  results.delete(attemptId)
  return entry
}
