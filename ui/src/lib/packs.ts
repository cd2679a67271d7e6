// What importing a pack will do, worked out before and during the import so
// the dialog can say it in plain words.
import type { CourseInspection, CourseSummary, ImportProgress, ImportStage } from '../api/types'

/**
 * Orders two semantic versions (`1.2.0`, `1.10.0-beta.1`): negative when `a`
 * is older. Build metadata is ignored; a pre-release is older than its release.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = splitVersion(a)
  const [coreB, preB] = splitVersion(b)
  for (let i = 0; i < Math.max(coreA.length, coreB.length); i++) {
    const diff = (coreA[i] ?? 0) - (coreB[i] ?? 0)
    if (diff !== 0) return Math.sign(diff)
  }
  if (preA === preB) return 0
  if (!preA) return 1
  if (!preB) return -1
  const partsA = preA.split('.')
  const partsB = preB.split('.')
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const [x, y] = [partsA[i], partsB[i]]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const [nx, ny] = [Number(x), Number(y)]
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y)
    const diff = numeric ? nx - ny : x < y ? -1 : x > y ? 1 : 0
    if (diff !== 0) return Math.sign(diff)
  }
  return 0
}

function splitVersion(version: string): [number[], string] {
  const withoutBuild = version.trim().replace(/^v/i, '').split('+', 1)[0]
  const dash = withoutBuild.indexOf('-')
  const core = dash < 0 ? withoutBuild : withoutBuild.slice(0, dash)
  const pre = dash < 0 ? '' : withoutBuild.slice(dash + 1)
  return [core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre]
}

export type PlanKind = 'new' | 'update' | 'same' | 'older'

export interface CoursePlan {
  kind: PlanKind
  /** The title to show: the installed one, else the pack's, else null. */
  title: string | null
  installedVersion: string | null
}

/** What importing this course will do, given what is installed now. */
export function planCourse(course: CourseInspection, installed: readonly CourseSummary[]): CoursePlan {
  const current = installed.find((c) => c.id === course.id)
  const title = course.title ?? current?.title ?? null
  if (!current) return { kind: 'new', title, installedVersion: null }
  const order = compareVersions(course.version, current.version)
  const kind: PlanKind = order > 0 ? 'update' : order < 0 ? 'older' : 'same'
  return { kind, title, installedVersion: current.version }
}

/** The stages a running import reports, in order ('done' ends it). */
export const IMPORT_STAGES: readonly ImportStage[] = ['reading', 'validating', 'copying', 'saving']

/**
 * One bar for the whole import: each stage is an equal share, filled by its
 * own done/total. Never goes backwards within a stage sequence.
 */
export function importPercent(progress: ImportProgress | null): number {
  if (!progress) return 0
  if (progress.stage === 'done') return 100
  const index = IMPORT_STAGES.indexOf(progress.stage)
  if (index < 0) return 0
  const within = progress.total > 0 ? Math.min(Math.max(progress.done / progress.total, 0), 1) : 0
  return Math.floor(((index + within) / IMPORT_STAGES.length) * 100)
}

/**
 * Whether a failed import is the backend refusing an older version than the
 * one installed (it then accepts `force`). The backend sends this as
 * `invalid_input` without diagnostics; we also know it in advance when the
 * pack's version is older than the installed one, and fall back to the
 * message, which tells the user to use force.
 */
export function isDowngradeRefusal(
  error: { kind: string; message: string; diagnostics: readonly unknown[] },
  plans: readonly CoursePlan[],
): boolean {
  // The backend refuses an older version with kind `conflict`.
  if (error.kind === 'conflict') return true
  if (error.kind !== 'invalid_input' || error.diagnostics.length > 0) return false
  return plans.some((plan) => plan.kind === 'older') || /\bforce\b|\bolder\b|\bdowngrade|旧的?版本|降级/i.test(error.message)
}
