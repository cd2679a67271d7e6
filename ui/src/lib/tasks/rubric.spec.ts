import { describe, expect, it } from 'vitest'
import type { Rubric } from '../../api/tasks'
import { chooseLevel, formatGrade, previewGrade, rubricKey } from './rubric'

const level = (points: number) => ({ points, label: `${points}`, descriptor: '' })
const rubric: Rubric = {
  id: 'r',
  title: 'R',
  criterion: [
    { id: 'a', title: 'A', level: [level(1), level(2), level(3)] },
    { id: 'b', title: 'B', level: [level(1), level(3)] },
  ],
}

describe('previewGrade', () => {
  it.each([
    // minsum 2, maxsum 6: (5 − 2) / 4 × 100 = 75
    [{ a: 1, b: 1 }, 5, 75],
    [{ a: 0, b: 0 }, 2, 0],
    [{ a: 2, b: 1 }, 6, 100],
    // (4 − 2) / 4 × 100 = 50
    [{ a: 0, b: 1 }, 4, 50],
  ])('scores %o as %d points, grade %d', (levels, points, grade) => {
    expect(previewGrade(rubric, levels, 100)).toEqual({ points, grade })
  })

  it('has no grade until every criterion has a level', () => {
    expect(previewGrade(rubric, { a: 1 }, 100)).toBeNull()
    expect(previewGrade(rubric, { a: 1, b: 5 }, 100)).toBeNull()
  })
})

describe('keyboard', () => {
  it('maps digits to levels and arrows to moves', () => {
    expect(rubricKey('1')).toEqual({ kind: 'level', index: 0 })
    expect(rubricKey('9')).toEqual({ kind: 'level', index: 8 })
    expect(rubricKey('0')).toBeNull()
    expect(rubricKey('ArrowDown')).toEqual({ kind: 'move', delta: 1 })
    expect(rubricKey('ArrowUp')).toEqual({ kind: 'move', delta: -1 })
    expect(rubricKey('a')).toBeNull()
  })

  it('chooses a level of the focused criterion only if it exists', () => {
    expect(chooseLevel(rubric, {}, 1, 1)).toEqual({ b: 1 })
    expect(chooseLevel(rubric, { b: 1 }, 1, 2)).toEqual({ b: 1 })
    expect(chooseLevel(rubric, {}, 5, 0)).toEqual({})
  })

  it('formats grades with at most one decimal', () => {
    expect(formatGrade(200 / 3)).toBe('66.7')
    expect(formatGrade(70)).toBe('70')
  })
})
