// Classes and learner records between machines (by file): a learner joins a
// class with the code the instructor hands out and exports their own records;
// an instructor creates classes and imports learners' record bundles.
import { Channel } from '@tauri-apps/api/core'
import { call } from './client'

/** A class: its join code is also its id on every machine. */
export interface ClassView {
  id: string
  /** The code to hand out, grouped for reading aloud: `HD7K-2Q3M`. */
  joinCode: string
  courseId: string
  /** Empty while only the code is known on this machine. */
  name: string
}

export interface RecordsExport {
  bundleId: string
  courseId: string
  sequence: number
  /** Learners in the bundle. */
  items: number
  attachments: number
}

export interface RecordsImported {
  bundleId: string
  courseId: string
  signerName: string
  learners: number
  newMembers: number
  added: number
  skipped: number
  alreadyImported: boolean
}

export const createClass = (courseId: string, name: string) => call<ClassView>('class_create', { courseId, name })
export const joinClass = (courseId: string, code: string) => call<ClassView>('class_join', { courseId, code })
export const myClasses = (courseId: string) => call<ClassView[]>('my_classes', { courseId })
export const courseClasses = (courseId: string) => call<ClassView[]>('course_classes', { courseId })
export const exportMyRecords = (courseId: string, path: string) =>
  call<RecordsExport>('records_export_own', { courseId, path })
export const importRecords = (path: string) => call<RecordsImported>('records_import', { path })

/** Where this machine has a member's records from. */
export type RecordSource = 'local' | 'bundle' | 'lrs'

/** One member of a class (Rust `records::class_list::ClassMember`; the CLI's `class list --json`). */
export interface ClassMember {
  /** The profile id, the same on every machine. */
  id: string
  /** Equal to `id` (or empty) while only the id is known here. */
  name: string
  /** The classes' names (or codes, while a name is unknown), joined. */
  class: string
  sources: RecordSource[]
  modulesDone: number
  /** Percent, 0 … 100: the first handed-in pre-test. */
  preScore: number | null
  /** Percent, 0 … 100: the last handed-in post-test. */
  postScore: number | null
  /** Normalised gain, (post − pre) / (100 − pre). */
  gain: number | null
  quizzesPassed: number
  quizzesTotal: number
  /** Percent, 0 … 100, over released task grades. */
  taskScore: number | null
  pendingMarks: number
  /** Against the course's completion rule. */
  completed: boolean
  /** No record of theirs has reached this machine yet. */
  sentNothing: boolean
  /** Not completed and no activity for 7 days. */
  stalled: boolean
  /** ISO 8601. */
  lastActivity: string | null
}

export interface ClassList {
  members: ClassMember[]
}

/** What `class_export` wrote. */
export interface ClassExport {
  rows: number
  path: string
}

/** Every member of the course's classes, or of one class. */
export const classMembers = (courseId: string, classId: string | null) =>
  call<ClassList>('class_members', { courseId, classId })
export const removeClassMember = (classId: string, profileId: string) =>
  call<null>('class_remove_member', { classId, profileId })
/** Writes the class list to `path` (from the save dialog): CSV or XLSX by extension. */
export const exportClass = (courseId: string, classId: string | null, path: string) =>
  call<ClassExport>('class_export', { courseId, classId, path })

/** What one `class_pull` did (Rust `xapi::pull::PullSummary`; the CLI's `class pull --json`). */
export interface PullSummary {
  /** Statements read in this run (a resumed pull counts from where it stopped). */
  statements: number
  /** Learners with statements in the course. */
  members: number
  /** Records the merge added (0 when everything was here already). */
  added: number
  seconds: number
}

/**
 * Reads the course's statements back from the LRS set in Settings and merges
 * every learner's records. `onProgress` hears the statements read so far.
 * Without an LRS the backend refuses (`invalid_input`).
 */
export function pullClass(courseId: string, onProgress?: (read: number) => void): Promise<PullSummary> {
  const channel = new Channel<number>()
  channel.onmessage = (read) => onProgress?.(read)
  return call<PullSummary>('class_pull', { courseId, onProgress: channel })
}
