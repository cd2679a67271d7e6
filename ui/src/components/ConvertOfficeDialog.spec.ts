import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ConvertOfficeDialog from './ConvertOfficeDialog.vue'
import { mountScreen } from '../test/mount'
import { CONVERT_OUT, CONVERT_SOURCE, convertBlocked, convertDone } from '../test/authorFixtures'

enableAutoUnmount(afterEach)

let picks: (string | null)[]
let calls: [string, Record<string, unknown>][]

beforeEach(() => {
  picks = [CONVERT_SOURCE, CONVERT_OUT]
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'plugin:dialog|open') return picks.shift() ?? null
    if (cmd === 'convert_office') return (args as { overwrite: boolean }).overwrite ? convertDone : convertBlocked
    return null
  })
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

async function chooseBoth(wrapper: Awaited<ReturnType<typeof mountScreen>>['wrapper']) {
  await wrapper.get('[data-testid="convert-choose-source"]').trigger('click')
  await flushPromises()
  await wrapper.get('[data-testid="convert-choose-out"]').trigger('click')
  await flushPromises()
}

describe('ConvertOfficeDialog', () => {
  it('converts with the choices made, and overwrites edited files only once confirmed', async () => {
    const { wrapper, router } = await mountScreen(ConvertOfficeDialog, { attachTo: document.body }, '/library')
    expect(wrapper.get('[data-testid="convert-start"]').attributes('disabled')).toBeDefined()
    await chooseBoth(wrapper)
    expect(wrapper.get('[data-testid="convert-source"]').text()).toBe(CONVERT_SOURCE)
    expect(calls[0][1]).toMatchObject({ options: { directory: false, filters: [{ extensions: ['docx', 'pptx'] }] } })

    await wrapper.get('[data-testid="convert-split"]').setValue('2')
    await wrapper.get('[data-testid="convert-kind"]').setValue('practice')
    await wrapper.get('[data-testid="convert-start"]').trigger('click')
    await flushPromises()
    expect(calls.filter(([cmd]) => cmd === 'convert_office').map(([, args]) => args)).toEqual([
      { source: CONVERT_SOURCE, out: CONVERT_OUT, splitLevel: 2, kind: 'practice', overwrite: false },
    ])

    // Nothing written: the edited file is named, and overwriting asks first.
    const report = wrapper.get('[data-testid="convert-report"]')
    expect(report.attributes('data-blocked')).toBe('true')
    expect(report.get('[data-testid="edited-files"]').text()).toContain('courses/store-training/modules/01-welcome.md')
    await report.get('[data-testid="overwrite-edited"]').trigger('click')
    const confirm = document.querySelector<HTMLElement>('[data-testid="confirm-dialog"]')!
    expect(confirm.textContent).toContain('覆盖这些已修改的文件？')
    confirm.querySelector<HTMLButtonElement>('[data-testid="confirm-action"]')!.click()
    await flushPromises()

    expect(calls.filter(([cmd]) => cmd === 'convert_office').map(([, args]) => args.overwrite)).toEqual([false, true])
    const done = wrapper.get('[data-testid="convert-report"]')
    expect(done.attributes('data-blocked')).toBe('false')
    expect(done.text()).toContain('转换完成：生成了 2 个模块')
    expect(done.get('[data-testid="convert-attention"]').text()).toBe('第 12 段文本框已转换为普通段落')
    expect(done.text()).toContain('图片 assets/image-1.png 没有替代文字')

    await wrapper.get('[data-testid="convert-open-preview"]').trigger('click')
    await flushPromises()
    expect(wrapper.emitted('close')).toHaveLength(1)
    await vi.waitFor(() => expect(router.currentRoute.value).toMatchObject({ name: 'author', query: { folder: CONVERT_OUT } }))
  })

  it('does not offer heading levels for a slide deck, and says why a conversion failed', async () => {
    picks = ['/home/author/培训.pptx', CONVERT_OUT]
    mockIPC((cmd) => {
      if (cmd === 'plugin:dialog|open') return picks.shift() ?? null
      if (cmd === 'convert_office') return Promise.reject({ kind: 'invalid_input', message: 'not a PowerPoint file' })
      return null
    })
    const { wrapper } = await mountScreen(ConvertOfficeDialog, { attachTo: document.body })
    await chooseBoth(wrapper)
    expect(wrapper.get('[data-testid="convert-split"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="convert-start"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="convert-failed"]').text()).toBe('转换失败：not a PowerPoint file')
    expect(wrapper.find('[data-testid="convert-report"]').exists()).toBe(false)
  })
})
