// Pure functions that turn the backend outline into what the outline screen
// shows. Kept apart from components so they are tested without a DOM.
import type { CourseSummary, ModuleEntry, ModuleKind, OutlineSection, SectionKind } from '../api/types'

/** The order the three parts of a course are always shown in. */
export const SECTION_ORDER: readonly ModuleKind[] = ['theory', 'practice', 'case']

export interface NumberedModule extends ModuleEntry {
  /** 1-based lesson number in the course's reading order. */
  number: number
}

export interface OutlineGroup {
  kind: SectionKind
  modules: NumberedModule[]
}

export interface Progress {
  total: number
  completed: number
  inProgress: number
  /** Whole percent, rounded down so 100 means every module is done. */
  percent: number
}

/** Every module learners read, in reading order: what progress counts. */
export function readingOrder(sections: readonly OutlineSection[]): ModuleEntry[] {
  return sections
    .filter((section) => section.kind !== 'instructor')
    .flatMap((section) => section.modules)
    .slice()
    .sort((a, b) => a.position - b.position)
}

/**
 * Groups modules into theory / practice / case, in that order, each group in
 * reading order, and numbers lessons across the whole course. We regroup by
 * each module's own `kind` instead of trusting the section it came in, and
 * we number by `position` rank rather than showing `position` itself, so the
 * numbers stay 1, 2, 3… whatever base or gaps the backend uses.
 */
export function groupOutline(sections: readonly OutlineSection[]): OutlineGroup[] {
  const numbered = readingOrder(sections).map((module, index) => ({ ...module, number: index + 1 }))
  const groups: OutlineGroup[] = SECTION_ORDER.map((kind) => ({
    kind,
    modules: numbered.filter((module) => module.kind === kind),
  }))
  // Instructors' own material (only instructors are sent it) comes last,
  // numbered on from the lessons.
  const forInstructors = sections
    .filter((section) => section.kind === 'instructor')
    .flatMap((section) => section.modules)
    .slice()
    .sort((a, b) => a.position - b.position)
    .map((module, index) => ({ ...module, number: numbered.length + index + 1 }))
  groups.push({ kind: 'instructor', modules: forInstructors })
  return groups.filter((group) => group.modules.length > 0)
}

export function courseProgress(modules: readonly ModuleEntry[]): Progress {
  const completed = modules.filter((m) => m.status === 'completed').length
  const inProgress = modules.filter((m) => m.status === 'in_progress').length
  return progressOf(modules.length, completed, inProgress)
}

/** The same numbers from a course summary's counts (the library's cards). */
export function summaryProgress(course: CourseSummary): Progress {
  const completed = Math.min(course.completedCount, course.moduleCount)
  const inProgress = Math.max(Math.min(course.startedCount, course.moduleCount) - completed, 0)
  return progressOf(course.moduleCount, completed, inProgress)
}

function progressOf(total: number, completed: number, inProgress: number): Progress {
  const percent = total === 0 ? 0 : Math.floor((completed / total) * 100)
  return { total, completed, inProgress, percent }
}

/**
 * The module a "continue" button should open: the unfinished module the
 * learner opened most recently, else the first one never started, else none
 * (the course is complete).
 */
export function nextUp(modules: readonly ModuleEntry[]): ModuleEntry | null {
  const ordered = [...modules].sort((a, b) => a.position - b.position)
  const started = ordered
    .filter((m) => m.status === 'in_progress')
    .sort((a, b) => openedAt(b) - openedAt(a))
  return started[0] ?? ordered.find((m) => m.status === 'not_started') ?? null
}

function openedAt(module: ModuleEntry): number {
  const time = module.lastOpenedAt ? Date.parse(module.lastOpenedAt) : NaN
  return Number.isNaN(time) ? 0 : time
}
