// What failed in the background (backup, LRS sync, database check), as the
// backend lets the acting profile see it, and the app's log files.
import { call } from './client'

/**
 * One problem; `detail` (the error itself, in English) and `detailZh` (in
 * Chinese) only for instructors and admins.
 */
export type HealthProblem = (
  | { kind: 'backup'; at: string }
  | { kind: 'sync'; pending: number; since: string; attempts: number; nextTryAt: string | null }
  | { kind: 'database' }
) & { detail: string | null; detailZh?: string | null }

/** The problem's detail in the interface language (English when no Chinese text came). */
export function problemDetail(problem: HealthProblem, locale: string): string | null {
  return locale.startsWith('zh') && problem.detailZh ? problem.detailZh : problem.detail
}

export interface HealthReport {
  problems: HealthProblem[]
}

export function appHealth(): Promise<HealthReport> {
  return call<HealthReport>('app_health')
}

/** Where the log files are (instructors and admins). */
export function logFolder(): Promise<string> {
  return call<string>('log_folder')
}

/** Zips the log files to `path`, picked in the save dialog; returns how many. */
export function exportLogs(path: string): Promise<number> {
  return call<number>('export_logs', { path })
}
