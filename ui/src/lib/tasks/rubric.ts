// Rubric helpers shared by the grading and learner screens: the live score
// preview (Moodle's formula, the same one the backend stores) and the
// keyboard model of the grading view (1–9 pick a level, arrows move).
import type { Levels, Rubric } from '../../api/tasks'

/**
 * grade = (sum − minsum) / (maxsum − minsum) × gradeMax, or null until every
 * criterion has a level. Only a preview: the backend computes the stored grade.
 */
export function previewGrade(rubric: Rubric, levels: Levels, gradeMax: number): { points: number; grade: number } | null {
  let points = 0
  let min = 0
  let max = 0
  for (const criterion of rubric.criterion) {
    const index = levels[criterion.id]
    const level = index === undefined ? undefined : criterion.level[index]
    if (!level) return null
    const all = criterion.level.map((l) => l.points)
    points += level.points
    min += Math.min(...all)
    max += Math.max(...all)
  }
  if (max <= min) return null
  return { points, grade: ((points - min) / (max - min)) * gradeMax }
}

export type KeyAction = { kind: 'level'; index: number } | { kind: 'move'; delta: number } | null

/** What a key press in the rubric means; `null` for keys the rubric ignores. */
export function rubricKey(key: string): KeyAction {
  if (/^[1-9]$/.test(key)) return { kind: 'level', index: Number(key) - 1 }
  if (key === 'ArrowDown' || key === 'ArrowRight') return { kind: 'move', delta: 1 }
  if (key === 'ArrowUp' || key === 'ArrowLeft') return { kind: 'move', delta: -1 }
  return null
}

/** Applies a level key to the focused criterion, ignoring levels it does not have. */
export function chooseLevel(rubric: Rubric, levels: Levels, focused: number, index: number): Levels {
  const criterion = rubric.criterion[focused]
  if (!criterion || index >= criterion.level.length) return levels
  return { ...levels, [criterion.id]: index }
}

/** Rounds a grade for display: at most one decimal. */
export function formatGrade(value: number): string {
  return String(Math.round(value * 10) / 10)
}
