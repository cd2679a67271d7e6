// Course certificates: whether the active learner can have one, and export
// as a PDF or an Open Badges 3.0 credential to a path picked in the save dialog.
import { call } from './client'

export interface Missing {
  id: string
  title: string
}

export interface Certificate {
  code: string
  profileId: string
  courseId: string
  courseVersion: string
  courseTitle: string
  learnerName: string
  issuedOn: string
  issuedAt: string
}

/** A practice task the course's completion rule asks to be graded at a level. */
export interface TaskToReach {
  id: string
  title: string
  minPercent: number
  /** The best released grade so far, in percent; null when none yet. */
  bestPercent: number | null
}

export interface CertificateStatus {
  courseId: string
  courseTitle: string
  eligible: boolean
  modulesToComplete: Missing[]
  quizzesToPass: Missing[]
  /** From the course's completion rule (`[completion]` in course.toml). */
  tasksToReach: TaskToReach[]
  surveysToAnswer: Missing[]
  certificate: Certificate | null
}

export type CertificateFormat = 'pdf' | 'badge'

export function certificateStatus(courseId: string): Promise<CertificateStatus> {
  return call<CertificateStatus>('certificate_status', { courseId })
}

export function exportCertificate(courseId: string, format: CertificateFormat, path: string): Promise<Certificate> {
  return call<Certificate>('export_certificate', { courseId, format, path })
}
