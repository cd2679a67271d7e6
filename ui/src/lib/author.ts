// The author preview's bookkeeping, kept pure so it is tested without a
// screen: what is selected and what stays selected when a save brings a new
// snapshot, which module a problem belongs to, each file's problem counts,
// and a pack question turned into what a learner's attempt shows.
import type { AuthorCourse, AuthorModule, AuthorQuestion, AuthorQuiz, AuthorSnapshot } from '../api/author'
import type { QuestionView } from '../api/quizTypes'
import type { Diagnostic } from '../api/types'
import { countDiagnostics, type DiagnosticCounts } from './diagnostics'
import { escapeHtml } from './quiz/stem'

/** A module or a quiz of one course (ids are unique within a course only). */
export interface AuthorSelection {
  kind: 'module' | 'quiz'
  course: string
  id: string
}

export function sameSelection(a: AuthorSelection | null, b: AuthorSelection | null): boolean {
  return !!a && !!b && a.kind === b.kind && a.course === b.course && a.id === b.id
}

/** The first module of the first course, else its first quiz; null when there is nothing to show. */
export function firstSelection(snapshot: AuthorSnapshot): AuthorSelection | null {
  for (const course of snapshot.courses) {
    if (course.modules.length) return { kind: 'module', course: course.slug, id: course.modules[0].id }
    if (course.quizzes.length) return { kind: 'quiz', course: course.slug, id: course.quizzes[0].id }
  }
  return null
}

function courseOf(snapshot: AuthorSnapshot, selection: AuthorSelection | null): AuthorCourse | null {
  return (selection && snapshot.courses.find((course) => course.slug === selection.course)) ?? null
}

export function selectedModule(snapshot: AuthorSnapshot, selection: AuthorSelection | null): AuthorModule | null {
  if (selection?.kind !== 'module') return null
  return courseOf(snapshot, selection)?.modules.find((module) => module.id === selection.id) ?? null
}

export function selectedQuiz(snapshot: AuthorSnapshot, selection: AuthorSelection | null): AuthorQuiz | null {
  if (selection?.kind !== 'quiz') return null
  return courseOf(snapshot, selection)?.quizzes.find((quiz) => quiz.id === selection.id) ?? null
}

/** What stays selected in a new snapshot: the same module or quiz (by id) while it exists, else the first. */
export function reselect(snapshot: AuthorSnapshot, previous: AuthorSelection | null): AuthorSelection | null {
  const kept = selectedModule(snapshot, previous) ?? selectedQuiz(snapshot, previous)
  return kept && previous ? previous : firstSelection(snapshot)
}

/** The module whose file a problem is in, or null (course.toml, a quiz bank, the pack as a whole). */
export function moduleOfFile(snapshot: AuthorSnapshot, file: string): AuthorSelection | null {
  for (const course of snapshot.courses) {
    const module = course.modules.find((m) => m.path === file)
    if (module) return { kind: 'module', course: course.slug, id: module.id }
  }
  return null
}

/** Errors and warnings per file. */
export function countsByFile(diagnostics: readonly Diagnostic[]): Map<string, DiagnosticCounts> {
  const byFile = new Map<string, Diagnostic[]>()
  for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic])
  return new Map([...byFile].map(([file, list]) => [file, countDiagnostics(list)]))
}

/** The list moved one place along: shown this way, no item sits where the answer puts it. */
function rotate<T>(list: readonly T[]): T[] {
  return list.length < 2 ? [...list] : [...list.slice(1), list[0]]
}

/**
 * A pack question as an attempt presents it (api/quizTypes.ts): option and
 * item keys are original indexes, the right-hand sides of a matching question
 * (distractors after the pairs) and the items to order are shown out of their
 * answer order.
 */
export function questionView({ stemHtml, optionsHtml, question }: AuthorQuestion): QuestionView {
  const view: QuestionView = { id: question.id, type: question.type, stemHtml, points: question.points }
  const keyed = (texts: readonly string[], from = 0) => texts.map((text, i) => ({ key: String(from + i), text }))
  switch (question.type) {
    case 'single':
    case 'multiple':
      // Rendered by the backend as an attempt renders them; escaped text for an older backend.
      return { ...view, options: keyed(question.options ?? []).map(({ key, text }, i) => ({ key, html: optionsHtml?.[i] ?? escapeHtml(text) })) }
    case 'fill_blank':
      return { ...view, blankCount: question.blanks?.length ?? 1 }
    case 'matching': {
      const pairs = question.pairs ?? []
      const right = [...keyed(pairs.map(([, side]) => side)), ...keyed(question.distractors ?? [], pairs.length)]
      return { ...view, left: pairs.map(([left]) => left), right: rotate(right) }
    }
    case 'ordering':
      return { ...view, items: rotate(keyed(question.items ?? [])) }
    default:
      return view
  }
}
