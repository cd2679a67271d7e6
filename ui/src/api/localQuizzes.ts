// Practice quizzes an instructor imports on this machine from GIFT or Aiken
// files (see src-tauri/src/commands/local_quizzes.rs). Preview, import and
// withdraw are refused to learners by the backend (`forbidden`); the file is
// read only at a path picked in the open dialog.
import { open } from '@tauri-apps/plugin-dialog'
import { call } from './client'
import { toAppError } from './errors'
import type { Diagnostic } from './types'

export type QuestionFileFormat = 'gift' | 'aiken' | 'moodle-xml'
export type FeedbackMode = 'immediate' | 'after_submit' | 'never'

export interface PreviewOption {
  html: string
  correct: boolean
}

export interface PreviewQuestion {
  number: number
  type: string
  stemHtml: string
  options: PreviewOption[]
  correctAnswer: string
  points: number
  /** Images the file embeds for this question (data URLs); the practice quiz keeps their descriptions. */
  images: PreviewImage[]
}

export interface PreviewImage {
  description: string
  dataUrl: string
}

export interface QuestionFilePreview {
  fileName: string
  format: QuestionFileFormat
  questions: PreviewQuestion[]
  diagnostics: Diagnostic[]
  errorCount: number
}

export interface LocalQuizRequest {
  path: string
  format: QuestionFileFormat
  partial: boolean
  title: string
  passMark: number
  feedback: FeedbackMode
}

export interface LocalQuizCreated {
  quizId: string
  questionCount: number
  skippedErrors: number
}

export interface LocalQuizSummary {
  quizId: string
  title: string
  questionCount: number
  fileName: string
  format: QuestionFileFormat
  importedAt: string
  passed: boolean
  bestPercent: number | null
  inProgress: boolean
}

/** The format a file name suggests: `.gift` is GIFT, `.xml` Moodle XML; Aiken files are plain `.txt`. */
export function formatForFile(path: string): QuestionFileFormat {
  if (/\.gift$/i.test(path)) return 'gift'
  return /\.xml$/i.test(path) ? 'moodle-xml' : 'aiken'
}

/** Lets the instructor choose a GIFT or Aiken file. Null when cancelled. */
export async function pickQuestionFile(title: string): Promise<string | null> {
  try {
    const picked: unknown = await open({
      title,
      directory: false,
      multiple: false,
      filters: [{ name: 'GIFT / Aiken / Moodle XML', extensions: ['gift', 'txt', 'xml'] }],
    })
    return typeof picked === 'string' ? picked : null
  } catch (reason) {
    throw toAppError(reason)
  }
}

export function previewQuestionFile(path: string, format: QuestionFileFormat): Promise<QuestionFilePreview> {
  return call<QuestionFilePreview>('preview_question_file', { path, format })
}

export function importLocalQuiz(courseId: string, request: LocalQuizRequest): Promise<LocalQuizCreated> {
  return call<LocalQuizCreated>('import_local_quiz', { courseId, request })
}

export function localQuizzes(courseId: string): Promise<LocalQuizSummary[]> {
  return call<LocalQuizSummary[]>('local_quizzes', { courseId })
}

export async function archiveLocalQuiz(courseId: string, quizId: string): Promise<void> {
  await call<null>('archive_local_quiz', { courseId, quizId })
}
