// Quizzes: overview, attempts (start, save each answer, submit), results and
// the spaced-review queue. Scoring, timing and shuffling all happen in the
// backend; the UI only ever sends the learner's answers.
import { call } from './client'
import type {
  AttemptResult,
  AttemptView,
  ItemFeedback,
  LearnerAnswer,
  ModuleQuiz,
  QuizOverview,
  ReviewAnswerResult,
  ReviewQueue,
  SaveAnswerResult,
} from './quizTypes'

export function quizOverview(courseId: string, quizId: string): Promise<QuizOverview> {
  return call<QuizOverview>('quiz_overview', { courseId, quizId })
}

/** The quizzes attached to a module; an empty list when it has none. */
export async function moduleQuizzes(courseId: string, moduleId: string): Promise<ModuleQuiz[]> {
  const quizzes = await call<ModuleQuiz[] | null>('module_quizzes', { courseId, moduleId })
  return Array.isArray(quizzes) ? quizzes : []
}

/**
 * Starts an attempt, or resumes the one still open. Rejects with
 * `invalid_input` when every allowed attempt is used.
 */
export function startQuiz(courseId: string, quizId: string): Promise<AttemptView> {
  return call<AttemptView>('start_quiz', { courseId, quizId })
}

/**
 * Saves one answer durably. After the time limit the backend refuses
 * (`invalid_input`) and hands the attempt in by itself.
 */
export function saveAnswer(attemptId: string, questionId: string, answer: LearnerAnswer): Promise<SaveAnswerResult> {
  return call<SaveAnswerResult>('save_answer', { attemptId, questionId, answer })
}

/**
 * Immediate-feedback mode: reveals the feedback on the saved answer and makes
 * it final — the backend refuses any later change to it.
 */
export function checkAnswer(attemptId: string, questionId: string): Promise<ItemFeedback> {
  return call<ItemFeedback>('check_answer', { attemptId, questionId })
}

export function submitAttempt(attemptId: string): Promise<AttemptResult> {
  return call<AttemptResult>('submit_attempt', { attemptId })
}

/** The result of a finished attempt, for review. */
export function attemptResult(attemptId: string): Promise<AttemptResult> {
  return call<AttemptResult>('attempt_result', { attemptId })
}

export function reviewQueue(): Promise<ReviewQueue> {
  return call<ReviewQueue>('review_queue')
}

/** Answers one review card; the backend schedules it again from the result. */
export function answerReview(questionId: string, courseId: string, answer: LearnerAnswer): Promise<ReviewAnswerResult> {
  return call<ReviewAnswerResult>('answer_review', { questionId, courseId, answer })
}
