import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ModuleView from './ModuleView.vue'
import { mountScreen } from '../test/mount'
import { moduleContent } from '../test/fixtures'
import { resetScreenState } from '../lib/screen'
import { dismissToast, useToasts } from '../composables/useToast'

const props = { courseId: moduleContent.courseId, moduleId: moduleContent.id }
const path = `/courses/${props.courseId}/modules/${props.moduleId}`
let calls: [string, unknown][] = []

function backend(handler: (cmd: string, args: unknown) => unknown): void {
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args])
    return handler(cmd, args)
  })
}

function normalBackend(cmd: string): unknown {
  if (cmd === 'open_module') return moduleContent
  if (cmd === 'complete_module') {
    return { id: moduleContent.id, title: moduleContent.title, kind: 'theory', minutes: 40, position: 2, status: 'completed', lastOpenedAt: null }
  }
  return null
}

beforeEach(() => {
  resetScreenState()
  // jsdom does no layout, so it has no scrollIntoView.
  Element.prototype.scrollIntoView = vi.fn()
})
// Failed commands are logged for developers; keep test output readable.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('ModuleView', () => {
  it('shows the title, meta, objectives and the backend html inside .prose', async () => {
    backend(normalBackend)
    const { wrapper } = await mountScreen(ModuleView, { props }, path)
    await flushPromises()

    expect(calls[0]).toEqual(['open_module', props])
    expect(wrapper.find('h1').text()).toBe('主流社群平台与工具')
    expect(wrapper.text()).toContain('理论')
    expect(wrapper.text()).toContain('约 40 分钟')
    expect(wrapper.find('#objectives-title').text()).toBe('学习目标')
    expect(wrapper.findAll('.objectives__list li')).toHaveLength(2)

    const body = wrapper.find('.prose')
    expect(body.find('table td').text()).toBe('企业微信')
    expect(body.find('strong').text()).toBe('用户在哪里')
    expect(wrapper.find('nav[aria-label="位置"] a').attributes('href')).toBe(`/courses/${props.courseId}`)
    expect(wrapper.find('a[rel="prev"]').attributes('href')).toBe(`/courses/${props.courseId}/modules/m01-concept`)
    expect(wrapper.find('a[rel="next"]').attributes('href')).toBe(`/courses/${props.courseId}/modules/m11-account-setup`)
  })

  it('marks the module completed through complete_module and updates the badge', async () => {
    backend(normalBackend)
    const { wrapper } = await mountScreen(ModuleView, { props }, path)
    await flushPromises()
    expect(wrapper.find('[data-testid="module-status"]').text()).toBe('学习中')

    await wrapper.find('[data-testid="complete-module"]').trigger('click')
    await flushPromises()

    expect(calls).toContainEqual(['complete_module', props])
    expect(wrapper.find('[data-testid="module-status"]').text()).toBe('已完成')
    const button = wrapper.find('[data-testid="complete-module"]')
    expect(button.text()).toBe('已完成本课')
    expect(button.attributes('disabled')).toBeDefined()
    expect(wrapper.find('[role="status"]').text()).toBe('本课已标记为已完成。')
  })

  it('keeps the learner on the page when saving completion fails', async () => {
    backend((cmd) => (cmd === 'complete_module' ? Promise.reject({ kind: 'database', message: 'disk full' }) : normalBackend(cmd)))
    const { wrapper } = await mountScreen(ModuleView, { props }, path)
    await flushPromises()
    await wrapper.find('[data-testid="complete-module"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="module-status"]').text()).toBe('学习中')
    expect(wrapper.find('[role="status"]').text()).toBe('没能保存完成状态：disk full')
  })

  it('keeps footnote and web links from navigating the app away', async () => {
    backend(normalBackend)
    const { wrapper, router } = await mountScreen(ModuleView, { props, attachTo: document.body }, path)
    await flushPromises()

    await wrapper.find('.footnote-reference a').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe(path)
    expect(wrapper.find('#fn-1').classes()).toContain('is-targeted')

    await wrapper.find('a[href^="https:"]').trigger('click')
    expect(router.currentRoute.value.fullPath).toBe(path)
    // The address is shown (in a toast) so the learner can open it in a browser.
    const toasts = useToasts().toasts.map((toast) => toast.message)
    expect(toasts).toEqual([expect.stringContaining('https://example.org/guide')])
    for (const toast of [...useToasts().toasts]) dismissToast(toast.id)
    wrapper.unmount()
  })

  it('offers the module quiz with its best score, and hides the panel without one', async () => {
    backend((cmd) =>
      cmd === 'module_quizzes'
        ? [{ quizId: 'quiz-m02', title: '第 2 课 小测', passed: false, bestPercent: 41.7 }]
        : normalBackend(cmd),
    )
    const { wrapper } = await mountScreen(ModuleView, { props }, path)
    await flushPromises()
    expect(calls).toContainEqual(['module_quizzes', props])
    const panel = wrapper.find('[data-testid="module-quizzes"]')
    expect(panel.find('h2').text()).toBe('本课测验')
    expect(panel.text()).toContain('未通过')
    expect(panel.text()).toContain('最好成绩 41.7%')
    const link = panel.find('a')
    expect(link.text()).toBe('查看测验')
    expect(link.attributes('href')).toBe(`/courses/${props.courseId}/quizzes/quiz-m02`)

    backend(normalBackend)
    const { wrapper: plain } = await mountScreen(ModuleView, { props }, path)
    await flushPromises()
    expect(plain.find('[data-testid="module-quizzes"]').exists()).toBe(false)
  })

  it('shows a not-found error with a way back to the outline', async () => {
    backend(() => Promise.reject({ kind: 'not_found', message: 'module m99 not found' }))
    const { wrapper } = await mountScreen(ModuleView, { props: { ...props, moduleId: 'm99' } }, path)
    await flushPromises()
    const alert = wrapper.find('[role="alert"]')
    expect(alert.find('h1').text()).toBe('没有找到这部分内容')
    expect(alert.find('a').text()).toBe('返回课程目录')
  })
})
