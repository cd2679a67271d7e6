import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { Channel } from '@tauri-apps/api/core'
import { importPack, pickPackFolder, pickPackZip, validatePack } from './packs'
import { removeCourse } from './courses'
import type { ImportProgress } from './types'
import { brokenPack } from '../test/fixtures'

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

type Internals = { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }

describe('pack commands', () => {
  it('validate_pack sends the path and returns the report', async () => {
    let sent: unknown
    mockIPC((cmd, args) => {
      sent = [cmd, args]
      return brokenPack
    })
    const report = await validatePack('/packs/demo')
    expect(sent).toEqual(['validate_pack', { path: '/packs/demo' }])
    expect(report.valid).toBe(false)
    expect(report.diagnostics).toHaveLength(4)
    expect(report.courses[0].modules).toEqual({ theory: 2, practice: 1, case: 0 })
  })

  it('import_pack passes force and a Channel, and relays its messages in order', async () => {
    const heard: ImportProgress[] = []
    mockIPC((cmd, args) => {
      const { onProgress } = args as { onProgress: Channel<ImportProgress> }
      const { runCallback } = (window as unknown as Internals).__TAURI_INTERNALS__
      expect(cmd).toBe('import_pack')
      expect(onProgress).toBeInstanceOf(Channel)
      // Out of order on purpose: the Channel puts them back in order.
      runCallback(onProgress.id, { index: 1, message: { stage: 'saving', done: 1, total: 1 } })
      runCallback(onProgress.id, { index: 0, message: { stage: 'reading', done: 3, total: 3 } })
      return { courseId: 'c', title: 'C', version: '1.0.0', outcome: 'installed', warnings: [] }
    })
    const result = await importPack('/packs/c.zip', { force: true, onProgress: (p) => heard.push(p) })
    expect(result.outcome).toBe('installed')
    expect(heard.map((p) => p.stage)).toEqual(['reading', 'saving'])
  })

  it('import_pack defaults force to false and rejects with the diagnostics', async () => {
    let force: unknown
    mockIPC((_cmd, args) => {
      force = (args as { force: boolean }).force
      return Promise.reject({ kind: 'invalid_input', message: 'invalid pack', diagnostics: brokenPack.diagnostics })
    })
    await expect(importPack('/packs/demo')).rejects.toMatchObject({
      kind: 'invalid_input',
      diagnostics: expect.arrayContaining([expect.objectContaining({ file: 'courses/demo/course.toml' })]),
    })
    expect(force).toBe(false)
  })

  it('remove_course sends the course id', async () => {
    let sent: unknown
    mockIPC((cmd, args) => {
      sent = [cmd, args]
      return null
    })
    await removeCourse('qunxue.community-ops')
    expect(sent).toEqual(['remove_course', { courseId: 'qunxue.community-ops' }])
  })
})

describe('file pickers', () => {
  it('go through the dialog plugin and return one path or null', async () => {
    const answers: unknown[] = ['/packs/demo', null, ['/packs/a.zip', '/packs/b.zip']]
    const sent: unknown[] = []
    mockIPC((cmd, args) => {
      sent.push([cmd, args])
      return answers.shift()
    })
    expect(await pickPackFolder({ title: '选择课程包文件夹' })).toBe('/packs/demo')
    expect(await pickPackZip({ title: '选择 .zip 课程包', zipFilter: '课程包 (.zip)' })).toBeNull()
    expect(await pickPackZip({ title: 't' })).toBe('/packs/a.zip')
    expect(sent[0]).toEqual(['plugin:dialog|open', { options: { title: '选择课程包文件夹', directory: true, multiple: false } }])
    expect(sent[1]).toEqual([
      'plugin:dialog|open',
      {
        options: {
          title: '选择 .zip 课程包',
          directory: false,
          multiple: false,
          filters: [{ name: '课程包 (.zip)', extensions: ['zip'] }],
        },
      },
    ])
  })

  it('turn a dialog failure into an AppError', async () => {
    mockIPC(() => Promise.reject('dialog.open not allowed. Permissions associated with this command: dialog:allow-open'))
    await expect(pickPackFolder({ title: 't' })).rejects.toMatchObject({ name: 'AppError', kind: 'internal' })
  })
})
