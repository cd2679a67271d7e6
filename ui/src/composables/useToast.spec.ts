import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import ToastHost from '../components/ToastHost.vue'
import { createAppI18n } from '../i18n'
import { dismissToast, holdToasts, MAX_TOASTS, showToast, TOAST_MS, useToasts } from './useToast'

afterEach(() => {
  holdToasts(false)
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

describe('toast limits', () => {
  it('show at most three, the oldest giving way', async () => {
    const host = mount(ToastHost, { global: { plugins: [createAppI18n('zh-CN')] } })
    for (const n of [1, 2, 3, 4, 5]) showToast(`第 ${n} 条`, 'info', 0)
    await nextTick()
    expect(MAX_TOASTS).toBe(3)
    expect(host.findAll('[data-testid="toast"]').map((t) => t.text())).toEqual(['第 3 条', '第 4 条', '第 5 条'])
  })

  it('show a repeated message once, as the newest', async () => {
    const host = mount(ToastHost, { global: { plugins: [createAppI18n('zh-CN')] } })
    showToast('草稿已保存', 'success', 0)
    showToast('已提交', 'success', 0)
    showToast('草稿已保存', 'success', 0)
    await nextTick()
    expect(host.findAll('[data-testid="toast"]').map((t) => t.text())).toEqual(['已提交', '草稿已保存'])
  })

  it('wait while the pointer is on them, then get their full time again', async () => {
    vi.useFakeTimers()
    const host = mount(ToastHost, { global: { plugins: [createAppI18n('zh-CN')] } })
    showToast('课程库已更新')
    await nextTick()
    await host.find('.toasts').trigger('mouseenter')
    vi.advanceTimersByTime(TOAST_MS * 2)
    await nextTick()
    expect(host.findAll('[data-testid="toast"]')).toHaveLength(1)

    await host.find('.toasts').trigger('mouseleave')
    vi.advanceTimersByTime(TOAST_MS - 1)
    await nextTick()
    expect(host.findAll('[data-testid="toast"]')).toHaveLength(1)
    vi.advanceTimersByTime(1)
    await nextTick()
    expect(host.findAll('[data-testid="toast"]')).toHaveLength(0)
  })

  it('close the newest with Escape', async () => {
    const host = mount(ToastHost, { global: { plugins: [createAppI18n('zh-CN')] } })
    showToast('一', 'info', 0)
    showToast('二', 'info', 0)
    await nextTick()
    await host.find('.toasts').trigger('keydown', { key: 'Escape' })
    expect(host.findAll('[data-testid="toast"]').map((t) => t.text())).toEqual(['一'])
  })
})
