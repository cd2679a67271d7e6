import { describe, expect, it } from 'vitest'
import { courseProgress, groupOutline, nextUp, readingOrder, summaryProgress } from './outline'
import { course, entry, modules, outline } from '../test/fixtures'

describe('groupOutline', () => {
  it('puts instructors’ own material last, numbered on, and leaves it out of progress', () => {
    const sections = [
      ...outline.sections,
      { kind: 'instructor' as const, modules: [entry({ id: 'guide', position: 99, status: 'not_started' })] },
    ]
    const groups = groupOutline(sections)
    expect(groups.map((g) => g.kind)).toEqual(['theory', 'practice', 'case', 'instructor'])
    expect(groups[3].modules.map((m) => [m.id, m.number])).toEqual([['guide', modules.length + 1]])
    expect(readingOrder(sections).map((m) => m.id)).not.toContain('guide')
    expect(courseProgress(readingOrder(sections)).total).toBe(modules.length)
  })

  it('returns theory, practice, case in that order, each in reading order', () => {
    const shuffled = [...outline.sections].reverse().map((s) => ({ ...s, modules: [...s.modules].reverse() }))
    const groups = groupOutline(shuffled)
    expect(groups.map((g) => g.kind)).toEqual(['theory', 'practice', 'case'])
    expect(groups[0].modules.map((m) => m.id)).toEqual(['m01-concept', 'm02-platforms'])
    expect(groups[1].modules.map((m) => m.id)).toEqual(['m11-account-setup', 'm12-welcome'])
  })

  it('numbers lessons 1…n across the course whatever positions the backend uses', () => {
    const sections = [
      { kind: 'theory' as const, modules: [entry({ id: 'a', position: 10 }), entry({ id: 'c', position: 30 })] },
      { kind: 'case' as const, modules: [entry({ id: 'b', kind: 'case', position: 20 })] },
    ]
    const numbers = groupOutline(sections).flatMap((g) => g.modules.map((m) => [m.id, m.number]))
    expect(numbers).toEqual([
      ['a', 1],
      ['c', 3],
      ['b', 2],
    ])
  })

  it('groups by each module’s own kind and leaves out empty sections', () => {
    const sections = [
      { kind: 'theory' as const, modules: [entry({ id: 'p', kind: 'practice', position: 1 })] },
      { kind: 'case' as const, modules: [] },
    ]
    const groups = groupOutline(sections)
    expect(groups).toHaveLength(1)
    expect(groups[0].kind).toBe('practice')
  })
})

describe('courseProgress', () => {
  it('counts completed and started modules and rounds the percentage down', () => {
    expect(courseProgress(modules)).toEqual({ total: 5, completed: 1, inProgress: 1, percent: 20 })
    const twoOfThree = [
      entry({ id: 'a', status: 'completed' }),
      entry({ id: 'b', status: 'completed' }),
      entry({ id: 'c' }),
    ]
    expect(courseProgress(twoOfThree).percent).toBe(66)
  })

  it('reaches 100 only when every module is completed', () => {
    const almost = Array.from({ length: 200 }, (_, i) => entry({ id: `m${i}`, status: i === 0 ? 'in_progress' : 'completed' }))
    expect(courseProgress(almost).percent).toBe(99)
    expect(courseProgress(almost.map((m) => ({ ...m, status: 'completed' as const }))).percent).toBe(100)
  })

  it('is zero for an empty course', () => {
    expect(courseProgress([])).toEqual({ total: 0, completed: 0, inProgress: 0, percent: 0 })
  })
})

describe('nextUp', () => {
  it('prefers the unfinished module opened most recently', () => {
    const list = [
      entry({ id: 'old', position: 1, status: 'in_progress', lastOpenedAt: '2026-11-01T08:00:00Z' }),
      entry({ id: 'recent', position: 2, status: 'in_progress', lastOpenedAt: '2026-11-03T08:00:00Z' }),
      entry({ id: 'fresh', position: 3 }),
    ]
    expect(nextUp(list)?.id).toBe('recent')
  })

  it('falls back to the first module never started, then to none', () => {
    const list = [entry({ id: 'done', position: 1, status: 'completed' }), entry({ id: 'b', position: 3 }), entry({ id: 'a', position: 2 })]
    expect(nextUp(list)?.id).toBe('a')
    expect(nextUp(list.map((m) => ({ ...m, status: 'completed' as const })))).toBeNull()
  })
})

describe('readingOrder', () => {
  it('flattens sections by position', () => {
    expect(readingOrder(outline.sections).map((m) => m.position)).toEqual([1, 2, 3, 4, 5])
  })
})

describe('summaryProgress', () => {
  it('gives a library card the same numbers the outline shows', () => {
    expect(summaryProgress(course)).toEqual(courseProgress(modules))
  })

  it('never reports more than the course holds', () => {
    expect(summaryProgress({ ...course, moduleCount: 2, startedCount: 5, completedCount: 3 })).toEqual({
      total: 2,
      completed: 2,
      inProgress: 0,
      percent: 100,
    })
    expect(summaryProgress({ ...course, moduleCount: 0, startedCount: 0, completedCount: 0 }).percent).toBe(0)
  })
})
