import { afterEach, describe, expect, it } from 'vitest'
import { MAX_RECENT_PACKS, recentPacks, rememberPack } from './recentPacks'

afterEach(() => window.localStorage.clear())

describe('recent packs', () => {
  it('lists the newest first, each path once, at most five', () => {
    for (let i = 1; i <= 7; i++) rememberPack({ kind: 'zip', path: `/packs/p${i}.zip` }, `课程 ${i}`, `2026-12-0${i}T08:00:00Z`)
    rememberPack({ kind: 'zip', path: '/packs/p5.zip' }, '课程 5（新版）', '2026-12-09T08:00:00Z')

    const listed = recentPacks()
    expect(listed).toHaveLength(MAX_RECENT_PACKS)
    expect(listed.map((entry) => entry.source.path)).toEqual(['/packs/p5.zip', '/packs/p7.zip', '/packs/p6.zip', '/packs/p4.zip', '/packs/p3.zip'])
    expect(listed[0]).toEqual({ source: { kind: 'zip', path: '/packs/p5.zip' }, title: '课程 5（新版）', importedAt: '2026-12-09T08:00:00Z' })
  })

  it('ignores what it did not write', () => {
    window.localStorage.setItem('qunxue.recentPacks', '{not json')
    expect(recentPacks()).toEqual([])
    window.localStorage.setItem('qunxue.recentPacks', JSON.stringify([{ path: '/old-shape.zip' }, { source: { kind: 'folder', path: '/p' }, title: 'T', importedAt: 'x' }]))
    expect(recentPacks().map((entry) => entry.source.path)).toEqual(['/p'])
  })
})
