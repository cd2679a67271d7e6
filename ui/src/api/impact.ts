// Business-impact studies and the three-level training-effect report. Every
// command is refused to learners by the backend (`forbidden`), whatever the
// UI shows; files are read or written only at paths picked in a dialog.
import { open } from '@tauri-apps/plugin-dialog'
import { call } from './client'
import { toAppError } from './errors'

export type Direction = 'up' | 'down'
export type Aggregation = 'sum' | 'mean' | 'last'
export type UnitKind = 'learner' | 'team' | 'store'
export type Group = 'treatment' | 'control'
export type Period = 'before' | 'after'
export type ExportFormat = 'html' | 'xlsx' | 'csv' | 'pdf'

export interface MetricDefinition {
  id: string
  name: string
  unit: string
  direction: Direction
  aggregation: Aggregation
  templateId: string | null
}

export interface StudyInput {
  courseId: string
  name: string
  unitKind: UnitKind
  baselineStart: string
  baselineEnd: string
  postStart: string
  postEnd: string
  programmeCost: number | null
  monetisedBenefit: number | null
  metrics: MetricDefinition[]
  treatment: string[]
  control: string[]
}

export interface StudyView extends StudyInput {
  id: string
  courseTitle: string
  unitKindZh: string
  observationCount: number
  createdAt: string
  updatedAt: string
}

export interface ColumnMapping {
  learner: number
  group: number | null
  metric: number
  period: number
  value: number
}

export interface ImportPreview {
  file: string
  headers: string[]
  suggested: { [K in keyof ColumnMapping]: number | null }
  rows: { line: number; cells: string[] }[]
  totalRows: number
}

export interface WriteSummary {
  valuesWritten: number
  valuesReplaced: number
  unitsAdded: number
}

export interface ImportSummary extends WriteSummary {
  file: string
  rowsRead: number
}

export interface ObservationInput {
  unit: string
  group: Group | null
  metricId: string
  period: Period
  value: number | null
}

/** One group's figures for one metric (snake_case: the statistics' JSON contract). */
export interface GroupSummary {
  n: number
  excluded_missing: number
  mean_before: number | null
  mean_after: number | null
  mean_diff: number | null
  pct_change: number | null
  p_t: number | null
  p_wilcoxon: number | null
  ci95: [number, number] | null
  cohens_d: number | null
  warnings: string[]
}

export interface BusinessMetric {
  definition: MetricDefinition
  stats: (GroupSummary & { control: GroupSummary | null; did: { estimate: number; ci95: [number, number] | null } | null }) | null
  units: { unit: string; group: Group; before: number | null; after: number | null }[]
}

export interface EffectReport {
  study: StudyView
  generatedAt: string
  conclusions: { level: string; text: string }[]
  business: { metrics: BusinessMetric[]; roi: { roi_percent: number; benefit_cost_ratio: number } | null }
  knowledge: { pairs: unknown[] }
  reaction: { surveys: unknown[] }
  practical: { criteria: unknown[]; note: string | null }
  /**
   * The classes (class ids, i.e. join codes) the learner-level figures were
   * narrowed to; empty = every learner of the course. Business metrics are
   * per unit (store, team) and never narrowed.
   */
  classes: string[]
}

export const metricTemplates = (courseId: string) =>
  call<MetricDefinition[]>('impact_metric_templates', { courseId })
export const listStudies = (courseId?: string) => call<StudyView[]>('impact_list_studies', { courseId: courseId ?? null })
export const getStudy = (studyId: string) => call<StudyView>('impact_get_study', { studyId })
export const createStudy = (input: StudyInput) => call<StudyView>('impact_create_study', { input })
export const updateStudy = (studyId: string, input: StudyInput) => call<StudyView>('impact_update_study', { studyId, input })
export const deleteStudy = (studyId: string) => call<void>('impact_delete_study', { studyId })
export const previewImport = (studyId: string, path: string) =>
  call<ImportPreview>('impact_preview_import', { studyId, path })
export const importData = (studyId: string, path: string, mapping: ColumnMapping) =>
  call<ImportSummary>('impact_import', { studyId, path, mapping })
export const recordValues = (studyId: string, rows: ObservationInput[]) =>
  call<WriteSummary>('impact_record', { studyId, rows })
/** The report; with `classes`, its learner-level figures count only those classes' members. */
export const studyReport = (studyId: string, classes: string[] = []) =>
  call<EffectReport>('impact_report', { studyId, classes })
/** Writes the report as on screen: with `classes`, narrowed like {@link studyReport}. */
export const exportReport = (studyId: string, dir: string, formats: ExportFormat[], classes: string[] = []) =>
  call<string[]>('impact_export', { studyId, dir, formats, classes })

/** Lets the user choose a data file (CSV or spreadsheet), or a folder for exports. Null when cancelled. */
export async function pickPath(options: { title: string; directory: boolean }): Promise<string | null> {
  try {
    const picked: unknown = await open({
      title: options.title,
      directory: options.directory,
      multiple: false,
      filters: options.directory ? undefined : [{ name: 'CSV / Excel', extensions: ['csv', 'xlsx', 'xls', 'ods'] }],
    })
    return typeof picked === 'string' ? picked : null
  } catch (reason) {
    throw toAppError(reason)
  }
}
