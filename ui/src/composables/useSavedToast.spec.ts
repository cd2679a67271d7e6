import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ToastHost from '../components/ToastHost.vue'
import { createAppI18n } from '../i18n'
import { useFileExport } from './useFileExport'
import { dismissToast, useToasts } from './useToast'

const SAVED = '/home/teacher/文档/班级成绩.xlsx'

afterEach(() => {
  clearMocks()
  for (const toast of [...useToasts().toasts]) dismissToast(toast.id)
})

/** Records every IPC call; the save dialog answers `SAVED`, `failing` commands throw. */
function backend(failing: string | null = null) {
  const calls: { cmd: string; args: unknown }[] = []
  mockIPC((cmd, args) => {
    calls.push({ cmd, args })
    if (cmd === failing) throw 'no file manager'
    return cmd === 'plugin:dialog|save' ? SAVED : null
  })
  return calls
}

/** A screen that exports a table with useFileExport, beside the toasts. */
async function exportTable() {
  const Screen = defineComponent({
    components: { ToastHost },
    setup() {
      const { exportFile } = useFileExport()
      return { run: () => exportFile('xlsx', '班级成绩', async () => '已导出 8 行。') }
    },
    template: '<button data-testid="export" @click="run" /><ToastHost />',
  })
  const wrapper = mount(Screen, { attachTo: document.body, global: { plugins: [createAppI18n('zh-CN')] } })
  await wrapper.get('[data-testid="export"]').trigger('click')
  await flushPromises()
  return wrapper
}

describe('the toast after a file is saved', () => {
  it('offers 在文件夹中显示, which reveals the saved file', async () => {
    const calls = backend()
    const wrapper = await exportTable()

    const toast = wrapper.get('[data-testid="toast"]')
    expect(toast.text()).toContain('已导出 8 行。')
    const action = toast.get('[data-testid="toast-action"]')
    expect(action.element.tagName).toBe('BUTTON')
    expect(action.text()).toBe('在文件夹中显示')

    await action.trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.cmd === 'plugin:opener|reveal_item_in_dir')).toEqual([
      { cmd: 'plugin:opener|reveal_item_in_dir', args: { paths: [SAVED] } },
    ])
    wrapper.unmount()
  })

  it('says where the file is when the folder cannot be opened', async () => {
    backend('plugin:opener|reveal_item_in_dir')
    const wrapper = await exportTable()
    await wrapper.get('[data-testid="toast-action"]').trigger('click')
    await flushPromises()
    await nextTick()
    const texts = wrapper.findAll('[data-testid="toast"]').map((t) => t.text())
    expect(texts.some((text) => text.includes('没能打开文件夹') && text.includes(SAVED))).toBe(true)
    wrapper.unmount()
  })
})
