// Study time, reading position and the home screen summary.
import { call } from './client'

export interface Heartbeat {
  creditedSeconds: number
  moduleSeconds: number
}

export interface ReadingPosition {
  anchor: string | null
  ratio: number
}

export interface HomeSummary {
  continueAt: {
    courseId: string
    courseTitle: string
    moduleId: string
    moduleTitle: string
    lastOpenedAt: string
    anchor: string | null
  } | null
  nextStep: { courseId: string; moduleId: string; moduleTitle: string } | null
  dueReviews: number
  courses: {
    courseId: string
    title: string
    completed: number
    total: number
    percent: number
    activeSeconds: number
  }[]
}

export function studyHeartbeat(courseId: string, moduleId: string): Promise<Heartbeat> {
  return call<Heartbeat>('study_heartbeat', { courseId, moduleId })
}

export function saveReadingPosition(courseId: string, moduleId: string, position: ReadingPosition): Promise<void> {
  return call<void>('save_reading_position', { courseId, moduleId, position })
}

export function readingPosition(courseId: string, moduleId: string): Promise<ReadingPosition | null> {
  return call<ReadingPosition | null>('reading_position', { courseId, moduleId })
}

export function homeSummary(): Promise<HomeSummary> {
  return call<HomeSummary>('home_summary')
}

/** Writes the learner's full record to a path picked in the save dialog (.csv or .xlsx). */
export function exportLearnerRecord(path: string): Promise<void> {
  return call<void>('export_learner_record', { path })
}
