import { describe, expect, it } from 'vitest'
import { extensionOf, isBundlePath, isPackPath, packSource } from './droppedPaths'

describe('paths from outside the app', () => {
  it.each([
    ['/home/a/community-ops.zip', 'zip', true, true],
    ['C:\\Users\\a\\课程\\retail.QXPACK', 'qxpack', true, false],
    ['/home/a/作业包-ops.qxbundle', 'qxbundle', false, true],
    ['/home/a/packs/community-ops-1.2', '', true, false],
    ['/home/a/packs/demo/', '', true, false],
    ['/home/a/notes.pdf', 'pdf', false, false],
  ])('%s: extension %j, pack %s, bundle %s', (path, extension, pack, bundle) => {
    expect(extensionOf(path)).toBe(extension)
    expect(isPackPath(path)).toBe(pack)
    expect(isBundlePath(path)).toBe(bundle)
  })

  it('a pack is a folder unless it is a file', () => {
    expect(packSource('/p/demo')).toEqual({ kind: 'folder', path: '/p/demo' })
    expect(packSource('/p/demo.qxpack')).toEqual({ kind: 'zip', path: '/p/demo.qxpack' })
  })
})
