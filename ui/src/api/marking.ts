// The instructor's quiz tools: short answers waiting for a grade, grading,
// and item analysis. The backend refuses all of them to learners
// (`forbidden`), whatever the UI shows.
import { call } from './client'

export interface PendingAnswer {
  attemptId: string
  questionId: string
  courseId: string
  quizId: string
  quizTitle: string
  learnerName: string
  stemHtml: string
  referenceHtml: string
  answerText: string
  maxScore: number
  savedAt: string
}

export interface AttemptRescored {
  attemptId: string
  score: number
  maxScore: number
  percent: number
  passed: boolean | null
  pendingManual: number
}

export interface OptionCount {
  key: string
  text: string
  correct: boolean
  chosen: number
}

export interface ItemRow {
  questionId: string
  type: string
  stem: string
  n: number
  facility: number | null
  discrimination: number | null
  options: OptionCount[]
}

export interface ItemAnalysis {
  courseId: string
  quizId: string
  quizTitle: string
  attempts: number
  items: ItemRow[]
}

/**
 * Short answers waiting for a mark: of one course, or of every course; of
 * members of `classes` (class ids, i.e. join codes), or of everyone when empty.
 */
export function markingQueue(courseId?: string | null, classes: string[] = []): Promise<PendingAnswer[]> {
  return call<PendingAnswer[]>('marking_queue', { courseId: courseId || null, classes })
}

export function gradeAnswer(
  attemptId: string,
  questionId: string,
  score: number,
  comment: string | null,
): Promise<AttemptRescored> {
  return call<AttemptRescored>('grade_answer', { attemptId, questionId, score, comment })
}

export function itemAnalysis(courseId: string, quizId: string): Promise<ItemAnalysis> {
  return call<ItemAnalysis>('item_analysis', { courseId, quizId })
}

/** Writes the analysis to `path` (from the save dialog): CSV or XLSX by extension. */
export function exportItemAnalysis(courseId: string, quizId: string, path: string): Promise<void> {
  return call<void>('export_item_analysis', { courseId, quizId, path })
}

/** One attempt's answer and total under the old and the corrected key. */
export interface ScoreChange {
  attemptId: string
  learnerId: string
  learnerName: string
  quizId: string
  quizTitle: string
  attemptNumber: number
  answerBefore: number
  answerAfter: number
  answerMax: number
  scoreBefore: number
  scoreAfter: number
  maxScore: number
  /** null while hand-marked answers of the attempt still wait. */
  passedBefore: boolean | null
  passedAfter: boolean | null
}

/** A question whose answer key a course update changed. */
export interface KeyChange {
  questionId: string
  /** Markdown as written in the pack. */
  stem: string
  fromVersion: string
  toVersion: string
  changedAt: string
  regradedAt: string | null
  regradedBy: string | null
  /** Attempts the corrected key scores differently (empty once regraded). */
  affected: ScoreChange[]
}

export interface RegradeReport {
  questionId: string
  changes: ScoreChange[]
}

/** The course's changed answer keys, newest first (instructors and admins). */
export function quizKeyChanges(courseId: string): Promise<KeyChange[]> {
  return call<KeyChange[]>('quiz_key_changes', { courseId })
}

/** Rescores the attempts a changed key affects; saved scores change only here. */
export function regradeQuestion(courseId: string, questionId: string): Promise<RegradeReport> {
  return call<RegradeReport>('regrade_question', { courseId, questionId })
}
