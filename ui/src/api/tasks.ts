// Practice tasks and rubric grading. The learner's page, drafts, attachments
// and submission; the instructor's queue, marks, release, double marking,
// moderation, observation and comment bank. Every grading command is
// refused to learners by the backend (`forbidden`), whatever the UI shows;
// all Markdown arrives already sanitised (`…Html`).
import { call } from './client'

export interface RubricLevel {
  points: number
  label: string
  descriptor: string
}

export interface RubricCriterion {
  id: string
  title: string
  level: RubricLevel[]
}

export interface Rubric {
  id: string
  title: string
  criterion: RubricCriterion[]
}

export interface TaskView {
  courseId: string
  id: string
  module: string
  title: string
  instructionsHtml: string
  attachmentTypes: string[]
  maxAttachmentMb: number
  gradeMax: number
  allowResubmit: boolean
  rubric: Rubric
}

export interface AttachmentRef {
  sha256: string
  name: string
  size: number
  mediaType: string
}

export interface VersionView {
  id: string
  learnerId: string
  taskId: string
  number: number
  source: 'submission' | 'observation'
  markdown: string
  html: string
  attachments: AttachmentRef[]
  submittedAt: string
}

/** Criterion id → 0-based level index. */
export type Levels = Record<string, number>
export type Comments = Record<string, string>

export interface ResultView {
  versionId: string
  levels: Levels
  comments: Comments
  feedback: string
  points: number
  grade: number
  gradeMax: number
  method: 'single' | 'moderated'
  releasedBy: string
  releasedAt: string
}

export interface DraftView {
  markdown: string
  attachments: AttachmentRef[]
  savedAt: string
}

export interface OwnVersion extends VersionView {
  result: ResultView | null
}

export interface TaskPage {
  task: TaskView
  draft: DraftView | null
  versions: OwnVersion[]
  canSubmit: boolean
}

export interface ModuleTask {
  id: string
  title: string
  submitted: number
  graded: boolean
}

export type QueueStatus = 'ungraded' | 'needs_second_mark' | 'needs_moderation' | 'marked' | 'released'

export interface QueueFilter {
  taskId?: string | null
  status?: QueueStatus | null
  learnerId?: string | null
}

export interface QueueRow {
  versionId: string
  taskId: string
  taskTitle: string
  learnerId: string
  learnerName: string
  number: number
  source: 'submission' | 'observation'
  submittedAt: string
  status: QueueStatus
  myMark: 'draft' | 'complete' | null
}

export interface MarkView {
  markerId: string
  markerName: string
  levels: Levels
  comments: Comments
  feedback: string
  points: number | null
  grade: number | null
  status: 'draft' | 'complete'
  updatedAt: string
}

export interface GradingView {
  task: TaskView
  version: VersionView
  learnerName: string
  myMark: MarkView | null
  doubleMarked: boolean
  status: QueueStatus
}

export interface ModerationView {
  task: TaskView
  version: VersionView
  learnerName: string
  marks: MarkView[]
  agreed: Record<string, boolean>
  result: ResultView | null
}

export interface MarkInput {
  levels: Levels
  comments: Comments
  feedback: string
  complete: boolean
}

export interface BankComment {
  id: string
  course_id: string
  criterion_id: string | null
  text: string
  uses: number
}

export async function moduleTasks(courseId: string, moduleId: string): Promise<ModuleTask[]> {
  const tasks = await call<ModuleTask[] | null>('module_tasks', { courseId, moduleId })
  return Array.isArray(tasks) ? tasks : []
}

export const taskPage = (courseId: string, taskId: string) => call<TaskPage>('task_page', { courseId, taskId })
export const taskPreview = (markdown: string) => call<string>('task_preview', { markdown })
export const saveDraft = (courseId: string, taskId: string, markdown: string, attachments: AttachmentRef[]) =>
  call<DraftView>('task_save_draft', { courseId, taskId, markdown, attachments })
export const addAttachment = (courseId: string, taskId: string, name: string, bytes: number[]) =>
  call<AttachmentRef>('task_add_attachment', { courseId, taskId, name, bytes })
export const submitTask = (courseId: string, taskId: string) => call<VersionView>('task_submit', { courseId, taskId })

export const gradingQueue = (courseId: string, filter: QueueFilter) => call<QueueRow[]>('grading_queue', { courseId, filter })
export const gradingView = (versionId: string) => call<GradingView>('grading_view', { versionId })
export const saveMark = (versionId: string, mark: MarkInput) => call<MarkView>('grading_save_mark', { versionId, mark })
export const releaseGrade = (versionId: string) => call<ResultView>('grading_release', { versionId })
export const setDoubleMarking = (courseId: string, taskId: string, on: boolean) =>
  call<void>('grading_set_double_marking', { courseId, taskId, on })
export const moderationView = (versionId: string) => call<ModerationView>('moderation_view', { versionId })
export const moderate = (versionId: string, mark: MarkInput) => call<ResultView>('grading_moderate', { versionId, mark })
export const recordObservation = (courseId: string, taskId: string, learnerId: string, notes: string) =>
  call<VersionView>('grading_record_observation', { courseId, taskId, learnerId, notes })
export const commentBank = (courseId: string) => call<BankComment[]>('comment_bank_list', { courseId })
export const addBankComment = (courseId: string, criterionId: string | null, text: string) =>
  call<BankComment>('comment_bank_add', { courseId, criterionId, text })
export const useBankComment = (courseId: string, commentId: string) =>
  call<BankComment>('comment_bank_use', { courseId, commentId })
