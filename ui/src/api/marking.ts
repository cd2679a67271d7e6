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
