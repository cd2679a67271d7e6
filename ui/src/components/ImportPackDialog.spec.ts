import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { ImportProgress, ImportResult } from '../api/types'
import ImportPackDialog from './ImportPackDialog.vue'
import { mountScreen } from '../test/mount'
import { brokenPack, course, olderPack, updatePack } from '../test/fixtures'

// Dialogs keep a stack of open modals: unmount each test's tree properly.
enableAutoUnmount(afterEach)

const FOLDER = '/home/admin/packs/demo'
const ZIP = '/home/admin/下载/community-ops-1.1.0.zip'

type Call = [string, Record<string, unknown>]
let calls: Call[]
let picks: (string | null)[]
let validations: Record<string, unknown>
let importPack: (args: Record<string, unknown>) => unknown

const updated: ImportResult = { courseId: course.id, title: course.title, version: '1.1.0', outcome: 'updated', warnings: [] }

beforeEach(() => {
  calls = []
  picks = []
  validations = { [FOLDER]: brokenPack, [ZIP]: updatePack }
  importPack = () => updated
  mockIPC((cmd, args) => {
    calls.push([cmd, (args ?? {}) as Record<string, unknown>])
    if (cmd === 'plugin:dialog|open') return picks.shift() ?? null
    if (cmd === 'validate_pack') {
      const path = (args as { path: string }).path
      const answer = validations[path]
      if (typeof answer === 'function') return answer()
      return answer ?? Promise.reject({ kind: 'not_found', message: `${path}: no such file` })
    }
    if (cmd === 'import_pack') return importPack(args as Record<string, unknown>)
    return null
  })
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
  window.localStorage.clear()
})

async function open(): Promise<VueWrapper> {
  const { wrapper } = await mountScreen(ImportPackDialog, { props: { installed: [course] }, attachTo: document.body }, '/library')
  await flushPromises()
  return wrapper
}

async function pick(wrapper: VueWrapper, kind: 'folder' | 'zip', path: string | null): Promise<void> {
  picks.push(path)
  await wrapper.find(`[data-testid="choose-${kind}"]`).trigger('click')
  await flushPromises()
}

const step = (wrapper: VueWrapper) => wrapper.find('[data-testid="import-step"]').attributes('data-step')
const importButton = (wrapper: VueWrapper) => wrapper.find('[data-testid="start-import"]')

/** Sends a progress message down the Channel the UI passed to import_pack. */
function sendProgress(channel: { id: number }, index: number, message: ImportProgress): void {
  ;(window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__.runCallback(
    channel.id,
    { index, message },
  )
}

describe('ImportPackDialog', () => {
  it('opens as a labelled modal on the two ways to choose a pack', async () => {
    const wrapper = await open()
    const dialog = wrapper.find('[role="dialog"]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    expect(document.getElementById(dialog.attributes('aria-labelledby')!)?.textContent).toBe('导入课程包')
    expect(wrapper.find('[data-testid="choose-folder"]').text()).toContain('选择课程包文件夹…')
    expect(wrapper.find('[data-testid="choose-zip"]').text()).toContain('选择 .zip 课程包…')
    expect(document.activeElement).toBe(wrapper.find('[data-testid="choose-folder"]').element)
  })

  it('asks the file dialog for a folder or a .zip and stays put when cancelled', async () => {
    const wrapper = await open()
    await pick(wrapper, 'folder', null)
    expect(step(wrapper)).toBe('choose')
    await pick(wrapper, 'zip', null)
    const options = calls.filter(([cmd]) => cmd === 'plugin:dialog|open').map(([, args]) => args.options)
    expect(options).toEqual([
      expect.objectContaining({ directory: true, multiple: false, title: '选择课程包文件夹' }),
      expect.objectContaining({ directory: false, filters: [{ name: '课程包 (.zip)', extensions: ['zip'] }] }),
    ])
    expect(calls.map(([cmd]) => cmd)).not.toContain('validate_pack')
  })

  it('valid pack: shows what it holds and what the import will do, then allows importing', async () => {
    const wrapper = await open()
    await pick(wrapper, 'zip', ZIP)
    expect(calls).toContainEqual(['validate_pack', { path: ZIP }])
    expect(step(wrapper)).toBe('validated')
    expect(wrapper.find('[data-testid="pack-source"]').text()).toContain(ZIP)
    expect(wrapper.find('[data-testid="check-status"]').text()).toBe('检查通过，没有发现问题。')
    const summary = wrapper.find('[data-testid="pack-course"]')
    expect(summary.find('h4').text()).toBe('社群运营实战')
    expect(summary.text()).toContain('课程 ID：qunxue.community-ops')
    expect(summary.find('[data-testid="pack-plan"]').text()).toBe('更新：v1.0.0 → v1.1.0')
    expect(summary.findAll('.stat').map((s) => s.text())).toEqual([
      '理论模块3',
      '实操模块3',
      '案例模块2',
      '题目40',
      '实操任务3',
      '评分量规3',
      '业务指标6',
    ])
    expect(importButton(wrapper).attributes('disabled')).toBeUndefined()
    expect(wrapper.find('[data-testid="diagnostics"]').exists()).toBe(false)
  })

  it('invalid pack whose courses the backend did not describe: the problems, without an empty contents section', async () => {
    validations[FOLDER] = { ...brokenPack, courses: [] }
    const wrapper = await open()
    await pick(wrapper, 'folder', FOLDER)
    expect(wrapper.findAll('[data-testid="diagnostic-row"]')).toHaveLength(4)
    expect(wrapper.find('[data-testid="pack-summary"]').exists()).toBe(false)
    expect(importButton(wrapper).attributes('disabled')).toBeDefined()
  })

  it('invalid pack: lists every problem by file, sorted and counted, and blocks the import', async () => {
    const wrapper = await open()
    await pick(wrapper, 'folder', FOLDER)
    expect(wrapper.find('[data-testid="diagnostics-summary"]').text()).toBe('发现 3 个错误、1 个警告')
    expect(wrapper.findAll('[data-testid="diagnostic-group"]').map((g) => g.attributes('data-file'))).toEqual([
      'courses/demo/course.toml',
      'courses/demo/modules/02-intro.md',
      'courses/demo/modules/10-review.md',
    ])
    const rows = wrapper.findAll('[data-testid="diagnostic-row"]')
    expect(rows.map((r) => r.find('[data-testid="diagnostic-location"]').text())).toEqual([
      'courses/demo/course.toml:5:1',
      'courses/demo/modules/02-intro.md:7:1',
      'courses/demo/modules/02-intro.md:15:3',
      'courses/demo/modules/10-review.md:4:1',
    ])
    expect(rows[1].text()).toContain('错误')
    // The Chinese message where the backend sent one, the English one otherwise.
    expect(rows[1].find('[data-testid="diagnostic-message"]').text()).toBe(
      '未知的模块类型 lecture，应为 theory、practice、case 之一',
    )
    expect(rows[3].find('[data-testid="diagnostic-message"]').text()).toBe('quiz q-review is not defined')
    expect(rows[1].find('code.row__code').text()).toBe('lecture')
    expect(rows[2].attributes('data-severity')).toBe('warning')
    expect(rows[2].text()).toContain('警告')
    expect(wrapper.findAll('[data-testid="diagnostic-group"]')[1].find('h4').text()).toContain('1 个错误、1 个警告')

    expect(importButton(wrapper).attributes('disabled')).toBeDefined()
    expect(importButton(wrapper).attributes('aria-describedby')).toBe('import-blocked')
    expect(wrapper.find('#import-blocked').text()).toBe('修正全部错误后才能导入。')
    await importButton(wrapper).trigger('click')
    expect(calls.map(([cmd]) => cmd)).not.toContain('import_pack')
  })

  it('warnings alone do not block the import', async () => {
    validations[FOLDER] = { ...updatePack, diagnostics: [brokenPack.diagnostics[0]] }
    const wrapper = await open()
    await pick(wrapper, 'folder', FOLDER)
    expect(wrapper.find('[data-testid="check-status"]').attributes('data-tone')).toBe('warning')
    expect(wrapper.find('[data-testid="diagnostics-summary"]').text()).toBe('发现 1 个警告')
    expect(importButton(wrapper).attributes('disabled')).toBeUndefined()
  })

  it('checks the same pack again after it was fixed', async () => {
    const wrapper = await open()
    await pick(wrapper, 'folder', FOLDER)
    validations[FOLDER] = updatePack
    await wrapper.find('[data-testid="recheck"]').trigger('click')
    await flushPromises()
    expect(calls.filter(([cmd]) => cmd === 'validate_pack')).toHaveLength(2)
    expect(importButton(wrapper).attributes('disabled')).toBeUndefined()
  })

  it('shows progress from the channel while importing, then the outcome', async () => {
    let finish: (result: ImportResult) => void = () => {}
    let channel: { id: number } | undefined
    importPack = (args) => {
      channel = args.onProgress as { id: number }
      return new Promise((resolve) => (finish = resolve))
    }
    const wrapper = await open()
    await pick(wrapper, 'zip', ZIP)
    await importButton(wrapper).trigger('click')
    await flushPromises()

    expect(calls).toContainEqual(['import_pack', { path: ZIP, force: false, onProgress: expect.anything() }])
    expect(step(wrapper)).toBe('importing')
    // No way out while the import runs: no close button, Esc does nothing.
    expect(wrapper.find('[data-testid="dialog-close"]').exists()).toBe(false)
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect(wrapper.emitted('close')).toBeUndefined()

    sendProgress(channel!, 0, { stage: 'reading', done: 12, total: 12 })
    sendProgress(channel!, 1, { stage: 'copying', done: 6, total: 24 })
    await flushPromises()
    const progress = wrapper.find('[data-testid="import-progress"]')
    expect(progress.attributes('data-stage')).toBe('copying')
    expect(progress.find('[data-testid="import-stage"]').text()).toBe('正在复制课程文件')
    expect(progress.text()).toContain('第 3 / 4 步 · 6 / 24')
    expect(progress.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('56')
    expect(importButton(wrapper).text()).toBe('正在导入…')

    finish(updated)
    await flushPromises()
    expect(step(wrapper)).toBe('done')
    expect(wrapper.find('[data-testid="import-outcome-text"]').text()).toBe('已更新到 v1.1.0，学习进度已保留')
    expect(wrapper.find('[data-testid="open-imported"]').attributes('href')).toBe('/courses/qunxue.community-ops')
    expect(wrapper.emitted('imported')).toEqual([[updated]])

    await wrapper.find('[data-testid="import-close"]').trigger('click')
    expect(wrapper.emitted('close')).toEqual([[updated]])
  })

  it.each([
    ['installed', '已安装 v1.1.0'],
    ['unchanged', '已是最新版本（v1.1.0），没有改动'],
  ] as const)('says %s plainly', async (outcome, text) => {
    importPack = () => ({ ...updated, outcome })
    const wrapper = await open()
    await pick(wrapper, 'zip', ZIP)
    await importButton(wrapper).trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="import-outcome-text"]').text()).toBe(text)
  })

  it('lists the problems when the import itself finds errors, without a stack trace', async () => {
    importPack = () =>
      Promise.reject({
        kind: 'invalid_input',
        message: 'pack is invalid\n  at qunxue_core::pack::validate',
        diagnostics: brokenPack.diagnostics,
      })
    const wrapper = await open()
    await pick(wrapper, 'zip', ZIP)
    await importButton(wrapper).trigger('click')
    await flushPromises()
    expect(step(wrapper)).toBe('failed')
    expect(wrapper.find('[data-testid="check-status"]').text()).toContain('课程包中有错误，导入没有进行')
    expect(wrapper.findAll('[data-testid="diagnostic-row"]')).toHaveLength(4)
    expect(wrapper.text()).not.toContain('qunxue_core')
    expect(wrapper.find('[data-testid="force-import"]').exists()).toBe(false)
  })

  it('downgrade: explains the refusal and imports with force only after a confirmation', async () => {
    validations[ZIP] = olderPack
    importPack = (args) =>
      args.force
        ? { ...updated, version: '0.9.0' }
        : Promise.reject({ kind: 'invalid_input', message: 'qunxue.community-ops 0.9.0 is older than installed 1.0.0; use force' })
    const wrapper = await open()
    await pick(wrapper, 'zip', ZIP)
    expect(wrapper.find('[data-testid="pack-plan"]').text()).toBe('比已安装的 v1.0.0 旧')
    await importButton(wrapper).trigger('click')
    await flushPromises()

    expect(wrapper.find('[data-testid="downgrade"]').text()).toContain('这个课程包是 v0.9.0，本机已安装 v1.0.0')
    await wrapper.find('[data-testid="force-import"]').trigger('click')
    await flushPromises()
    const confirm = wrapper.find('[data-testid="confirm-dialog"]')
    expect(confirm.attributes('role')).toBe('alertdialog')
    expect(confirm.find('h2').text()).toBe('用旧版本替换“社群运营实战”？')
    expect(confirm.text()).toContain('将用 v0.9.0 替换已安装的 v1.0.0')
    expect(document.activeElement?.textContent?.trim()).toBe('取消')

    // Esc closes only the confirmation; the import dialog stays.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await flushPromises()
    expect(wrapper.find('[data-testid="confirm-dialog"]').exists()).toBe(false)
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(calls.filter(([cmd]) => cmd === 'import_pack')).toHaveLength(1)
    await wrapper.find('[data-testid="force-import"]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid="confirm-action"]').trigger('click')
    await flushPromises()
    expect(calls.filter(([cmd]) => cmd === 'import_pack').map(([, args]) => args.force)).toEqual([false, true])
    expect(wrapper.find('[data-testid="import-outcome-text"]').text()).toBe('已更新到 v0.9.0，学习进度已保留')
  })

  it('forbidden: explains who may import and that only picked paths are read, and offers the pickers again', async () => {
    validations[FOLDER] = () => Promise.reject({ kind: 'forbidden', message: `${FOLDER} was not chosen in the file dialog` })
    const wrapper = await open()
    await pick(wrapper, 'folder', FOLDER)
    const error = wrapper.find('[data-testid="import-error"]')
    expect(error.attributes('data-kind')).toBe('forbidden')
    expect(error.find('h3').text()).toBe('不能导入这个课程包')
    expect(error.text()).toContain('需要管理员身份')
    expect(error.text()).toContain('只读取你在文件对话框中选择的课程包')
    expect(wrapper.find('[data-testid="recheck"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="choose-folder"]').exists()).toBe(true)

    validations[FOLDER] = updatePack
    await pick(wrapper, 'folder', FOLDER)
    expect(step(wrapper)).toBe('validated')
  })

  it('lists the packs imported before, and checks one again in one click', async () => {
    const first = await open()
    expect(first.find('[data-testid="recent-packs"]').exists()).toBe(false)
    await pick(first, 'zip', ZIP)
    await importButton(first).trigger('click')
    await flushPromises()
    expect(step(first)).toBe('done')
    first.unmount()

    const again = await open()
    const recent = again.findAll('[data-testid="recent-pack"]')
    expect(recent).toHaveLength(1)
    expect(recent[0].text()).toContain('社群运营实战')
    expect(recent[0].text()).toContain(ZIP)
    calls = []
    await recent[0].trigger('click')
    await flushPromises()
    expect(calls).toContainEqual(['validate_pack', { path: ZIP }])
    expect(step(again)).toBe('validated')
  })

  it('a recent pack that is gone fails with the usual error', async () => {
    window.localStorage.setItem(
      'qunxue.recentPacks',
      JSON.stringify([{ source: { kind: 'zip', path: '/gone/old.zip' }, title: '旧课程', importedAt: '2026-11-01T08:00:00Z' }]),
    )
    const wrapper = await open()
    await wrapper.find('[data-testid="recent-pack"]').trigger('click')
    await flushPromises()
    expect(step(wrapper)).toBe('failed')
    expect(wrapper.find('[data-testid="pack-source"]').text()).toContain('/gone/old.zip')
  })

  it('starts at the check when it opens with a pack already chosen (dropped, or opened with the app)', async () => {
    const { wrapper } = await mountScreen(
      ImportPackDialog,
      { props: { installed: [course], source: { kind: 'zip', path: ZIP } }, attachTo: document.body },
      '/library',
    )
    await flushPromises()
    expect(calls).toContainEqual(['validate_pack', { path: ZIP }])
    expect(step(wrapper)).toBe('validated')
  })
})
