// Reports over rubric marking for instructors: how often each level of a
// criterion was released, how well two markers agree, each marker's
// figures, and the grades-by-criterion table as a file. The backend
// refuses all of them to learners (`forbidden`).
import { call } from './client'

/** How often each level of one criterion was released (Rust `tasks::analytics::CriterionDistribution`). */
export interface CriterionDistribution {
  taskId: string
  criterionId: string
  title: string
  /** Level labels, lowest first. */
  labels: string[]
  /** Released grades per level, in `labels` order. */
  counts: number[]
}

/**
 * Marker agreement on one criterion (Rust `tasks::grading::CriterionAgreement`,
 * with core's `Agreement` flattened in: those fields keep their snake_case names).
 */
export interface CriterionAgreement {
  criterionId: string
  title: string
  /** Submissions both markers completed a mark for. */
  pairs: number
  /** Percent of pairs on the same level. */
  exact_percent: number
  /** Percent of pairs at most one level apart (exact included). */
  adjacent_percent: number
  /** null when undefined: no pairs, or both markers used one level throughout. */
  kappa_linear: number | null
  kappa_quadratic: number | null
  /** The pairs of marks behind the figures, one per double-marked submission. */
  pairsBehind: MarkPair[]
}

/** One double-marked submission's two marks on a criterion (Rust `tasks::grading::MarkPair`). */
export interface MarkPair {
  versionId: string
  learnerName: string
  firstMarker: string
  secondMarker: string
  /** Level indices, 0 = the rubric's lowest level. */
  firstLevel: number
  secondLevel: number
}

/** Count, mean, sample SD, min and max (core `grading::Summary`). */
export interface GradeSummary {
  n: number
  mean: number | null
  /** null below two grades. */
  sd: number | null
  min: number | null
  max: number | null
}

/** One marker's complete marks in a course (Rust `tasks::analytics::GraderStats`). */
export interface GraderStats {
  markerId: string
  markerName: string
  grades: GradeSummary
}

export const gradingDistributions = (courseId: string) =>
  call<CriterionDistribution[]>('grading_distributions', { courseId })
export const gradingAgreement = (courseId: string, taskId: string) =>
  call<CriterionAgreement[]>('grading_agreement', { courseId, taskId })
export const graderStats = (courseId: string) => call<GraderStats[]>('grading_grader_stats', { courseId })
/** Writes the grades-by-criterion table to `path` (CSV or XLSX by extension); resolves to its data rows. */
export const exportGradebook = (courseId: string, path: string) =>
  call<number>('grading_export_table', { courseId, path })
