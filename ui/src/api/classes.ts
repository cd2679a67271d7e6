// Classes and learner records between machines (by file): a learner joins a
// class with the code the instructor hands out and exports their own records;
// an instructor creates classes and imports learners' record bundles.
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
