import { describe, expect, it } from 'vitest'
import { compareVersions, importPercent, isDowngradeRefusal, planCourse } from './packs'
import { course, inspection } from '../test/fixtures'

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.1.0', '1.0.9', 1],
    ['1.10.0', '1.9.0', 1],
    ['0.9.0', '1.0.0', -1],
    ['2.0.0-beta.1', '2.0.0', -1],
    ['2.0.0-beta.2', '2.0.0-beta.10', -1],
    ['2.0.0-alpha', '2.0.0-beta', -1],
    ['1.0.0+build.5', '1.0.0', 0],
    ['v1.2.0', '1.2.0', 0],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected)
    expect(compareVersions(b, a)).toBe(-expected || 0)
  })
})

describe('planCourse', () => {
  it('tells a new course, an update, the same version and an older one apart', () => {
    expect(planCourse(inspection({ id: 'other' }), [course])).toEqual({ kind: 'new', title: null, installedVersion: null })
    expect(planCourse(inspection({ version: '1.1.0' }), [course])).toEqual({
      kind: 'update',
      title: course.title,
      installedVersion: '1.0.0',
    })
    expect(planCourse(inspection({ version: '1.0.0' }), [course]).kind).toBe('same')
    expect(planCourse(inspection({ version: '0.9.0' }), [course]).kind).toBe('older')
  })

  it('prefers the title the pack brings', () => {
    expect(planCourse(inspection({ title: '社群运营实战（第二版）' }), [course]).title).toBe('社群运营实战（第二版）')
  })
})

describe('importPercent', () => {
  it('gives each stage an equal share filled by its own done/total', () => {
    expect(importPercent(null)).toBe(0)
    expect(importPercent({ stage: 'reading', done: 0, total: 10 })).toBe(0)
    expect(importPercent({ stage: 'reading', done: 10, total: 10 })).toBe(25)
    expect(importPercent({ stage: 'copying', done: 9, total: 24 })).toBe(59)
    expect(importPercent({ stage: 'saving', done: 1, total: 1 })).toBe(100)
    expect(importPercent({ stage: 'done', done: 0, total: 0 })).toBe(100)
  })

  it('survives an empty or odd stage', () => {
    expect(importPercent({ stage: 'validating', done: 0, total: 0 })).toBe(25)
    expect(importPercent({ stage: 'copying', done: 30, total: 24 })).toBe(75)
  })
})

describe('isDowngradeRefusal', () => {
  const older = [{ kind: 'older' as const, title: 'x', installedVersion: '1.0.0' }]
  const update = [{ kind: 'update' as const, title: 'x', installedVersion: '1.0.0' }]

  it('recognises the refusal by the plan or by the message', () => {
    expect(isDowngradeRefusal({ kind: 'invalid_input', message: 'refused', diagnostics: [] }, older)).toBe(true)
    expect(
      isDowngradeRefusal({ kind: 'invalid_input', message: 'v0.9.0 is older than v1.0.0; use force', diagnostics: [] }, update),
    ).toBe(true)
  })

  it('recognises the backend\'s conflict kind whatever the message says', () => {
    expect(isDowngradeRefusal({ kind: 'conflict', message: '已安装的版本更新', diagnostics: [] }, update)).toBe(true)
  })

  it('is not a pack with errors, nor another kind of failure', () => {
    expect(isDowngradeRefusal({ kind: 'invalid_input', message: 'use force', diagnostics: [{}] }, older)).toBe(false)
    expect(isDowngradeRefusal({ kind: 'io', message: 'older', diagnostics: [] }, older)).toBe(false)
    expect(isDowngradeRefusal({ kind: 'invalid_input', message: 'bad zip entry', diagnostics: [] }, update)).toBe(false)
  })
})
