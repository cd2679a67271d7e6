import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import ToastHost from '../components/ToastHost.vue'
import { createAppI18n } from '../i18n'
import { dismissToast, showToast, TOAST_MS, useToasts } from './useToast'

afterEach(() => {
  vi.useRealTimers()
  for (const toast of [...useToasts().toasts]) dismissToast(toast.id)
})

describe('toasts', () => {
  it('appear in a polite live region and leave by themselves', async () => {
    vi.useFakeTimers()
    const host = mount(ToastHost, { global: { plugins: [createAppI18n('zh-CN')] } })
    const region = host.find('[role="status"]')
    expect(region.attributes('aria-live')).toBe('polite')

    showToast('已移除课程“社群运营实战”及其学习记录。')
    await nextTick()
    expect(host.findAll('[data-testid="toast"]').map((t) => t.text())).toEqual(['已移除课程“社群运营实战”及其学习记录。'])

    vi.advanceTimersByTime(TOAST_MS)
    await nextTick()
    expect(host.findAll('[data-testid="toast"]')).toHaveLength(0)
  })

  it('can be dismissed with their close button', async () => {
    const host = mount(ToastHost, { global: { plugins: [createAppI18n('zh-CN')] } })
    showToast('课程库已更新', 'success', 0)
    await nextTick()
    await host.find('button[aria-label="关闭通知"]').trigger('click')
    expect(host.findAll('[data-testid="toast"]')).toHaveLength(0)
  })
})
