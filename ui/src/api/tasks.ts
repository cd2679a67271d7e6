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
  /** The gate criterion at its lowest level that capped the grade, and why. */
  cappedBy?: GateCap | null
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
  /** Only the work of members of these classes (class ids, i.e. join codes); everyone when empty. Never null. */
  classes?: string[]
  /** Rows of the filtered queue to skip. */
  offset?: number
  /** Rows wanted (the backend returns at most 500). */
  limit?: number
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
  /** The task's saved double-marking switch. */
  doubleMarked: boolean
}

/** A task of the course as the queue's menus and switches show it. */
export interface QueueTask {
  id: string
  title: string
  doubleMarked: boolean
  /** Versions of the task in the queue, all statuses. */
  versions: number
}

/** One page of the grading queue. */
export interface QueuePage {
  rows: QueueRow[]
  /** Rows matching every filter. */
  total: number
  offset: number
  limit: number
  /** Rows matching the task and learner filters, per status. */
  statusCounts: Partial<Record<QueueStatus, number>>
  tasks: QueueTask[]
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

export const gradingQueue = (courseId: string, filter: QueueFilter) => call<QueuePage>('grading_queue', { courseId, filter })
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

/** An image attachment as a `data:` URL (the only images the CSP lets in besides the app's own). */
export interface InlineImage {
  name: string
  mediaType: string
  dataUrl: string
}

/** Media types the backend shows inline; others are offered as "save a copy". */
export const INLINE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp']

export const attachmentImage = (versionId: string, sha256: string) =>
  call<InlineImage>('task_attachment_image', { versionId, sha256 })
/** Copies an attachment to a path picked in the save dialog; resolves to its size in bytes. */
export const saveAttachmentCopy = (versionId: string, sha256: string, path: string) =>
  call<number>('task_attachment_save', { versionId, sha256, path })

// Signed bundles between machines (USB stick). Paths always come from the
// system file dialog; the backend refuses any other path.
export type BundleKind = 'submissions' | 'grades' | 'records'

export interface BundleExport {
  bundleId: string
  courseId: string
  sequence: number
  /** Versions (submissions) or results (grades) in the bundle. */
  items: number
  attachments: number
}

export interface BundleImport {
  bundleId: string
  courseId: string
  signerName: string
  /** The same bundle had been imported before; nothing changed. */
  alreadyImported: boolean
  added: number
  skipped: number
}

export interface TrustedKey {
  courseId: string
  signerName: string
  fingerprint: string
}

export const exportSubmissionsBundle = (courseId: string, path: string) =>
  call<BundleExport>('bundle_export_submissions', { courseId, path })
export const importSubmissionsBundle = (path: string) => call<BundleImport>('bundle_import_submissions', { path })
/** The grades bundles written one per learner into a folder. */
export interface GradesExport {
  folder: string
  bundles: { learnerId: string; learnerName: string; path: string; items: number }[]
}

/** Writes a grades bundle per learner (their own results only) into `folder`. */
export const exportGradesBundles = (courseId: string, folder: string) =>
  call<GradesExport>('bundle_export_grades', { courseId, path: folder })
export const importGradesBundle = (path: string) => call<BundleImport>('bundle_import_grades', { path })
/** Trusts the key of a refused bundle; `fingerprint` is the one the person confirmed. */
export const trustBundleKey = (path: string, kind: BundleKind, fingerprint: string) =>
  call<TrustedKey>('bundle_trust_key', { path, kind, fingerprint })

/**
 * The fingerprint in a refusal of a bundle signed by a key this machine does
 * not trust yet (backend `AppError::UntrustedKey`, kind `conflict`, message
 * "…（指纹 XXXX XXXX XXXX XXXX XXXX）…", in English "(fingerprint XXXX …)"),
 * whichever language the message is in; null for every other error.
 */
export function untrustedKeyFingerprint(error: { kind: string; message: string }): string | null {
  if (error.kind !== 'conflict') return null
  const match = /(?:指纹|fingerprint) ([0-9A-F]{4}(?: [0-9A-F]{4}){4})/.exec(error.message)
  return match ? match[1] : null
}

/** A gate criterion that capped a grade (a leaked password, an unlawful promotion). */
export interface GateCap {
  criterionId: string
  criterionTitle: string
  capPercent: number
  reason: string
}
