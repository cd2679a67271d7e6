// One word for where a learner stands with a quiz or an attempt, shared by
// the badges on the module page, the overview and the result screen.
import type { AttemptResult, AttemptSummary, ModuleQuiz } from '../../api/quizTypes'

export type QuizBadgeState = 'passed' | 'failed' | 'pending' | 'in_progress' | 'not_attempted'

export function moduleQuizState(quiz: ModuleQuiz): QuizBadgeState {
  if (quiz.inProgress) return 'in_progress'
  if (quiz.bestPercent === null) return 'not_attempted'
  return quiz.passed ? 'passed' : 'failed'
}

export function attemptState(attempt: AttemptSummary): QuizBadgeState {
  if (attempt.status === 'in_progress') return 'in_progress'
  if (attempt.passed === null) return 'pending'
  return attempt.passed ? 'passed' : 'failed'
}

export function resultState(result: Pick<AttemptResult, 'passed'>): QuizBadgeState {
  if (result.passed === null) return 'pending'
  return result.passed ? 'passed' : 'failed'
}
