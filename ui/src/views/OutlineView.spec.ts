import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import OutlineView from './OutlineView.vue'
import { mountScreen } from '../test/mount'
import { course, outline } from '../test/fixtures'
import { resetScreenState } from '../lib/screen'

let calls: string[] = []

function backend(answers: Record<string, () => unknown>): void {
  calls = []
  mockIPC((cmd) => {
    calls.push(cmd)
    const answer = answers[cmd]
    return answer ? answer() : null
  })
}

async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => requestAnimationFrame(resolve))
  await flushPromises()
}

beforeEach(() => resetScreenState())
// Failed commands are logged for developers; keep test output readable.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('OutlineView', () => {
  it('shows the first course, its progress and the three sections in order', async () => {
    backend({ list_courses: () => [course], course_outline: () => outline })
    const { wrapper } = await mountScreen(OutlineView)
    await settle()

    expect(wrapper.find('h1').text()).toBe('社群运营实战')
    expect(wrapper.text()).toContain('出品：群学')
    expect(wrapper.text()).toContain(course.description)
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['理论学习', '实操演练', '案例研讨', '班级与学习记录'])
    expect(wrapper.find('[data-testid="progress-summary"]').text()).toBe('已完成 1 / 5 个模块')
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('20')

    const firstRow = wrapper.find('[data-module-id="m01-concept"]')
    expect(firstRow.text()).toContain('社群运营的概念、意义与类型')
    expect(firstRow.text()).toContain('约 45 分钟')
    expect(firstRow.text()).toContain('已完成')
    expect(firstRow.attributes('href')).toBe('/courses/qunxue.community-ops/modules/m01-concept')
  })

  it('shows the organisation and its logo above the title when the pack brings them', async () => {
    const branded = { ...course, organisation: '鲜果优选连锁', logoUrl: 'qxasset://localhost/c/branding/logo.png' }
    backend({ list_courses: () => [branded], course_outline: () => ({ ...outline, course: branded }) })
    const { wrapper } = await mountScreen(OutlineView)
    await settle()
    const branding = wrapper.find('[data-testid="course-branding"]')
    expect(branding.text()).toBe('出品：鲜果优选连锁')
    expect(branding.find('img').attributes('src')).toBe(branded.logoUrl)
    expect(branding.find('img').attributes('alt')).toBe('')
  })

  it('says when the rules and laws the course relies on were checked, when the course says', async () => {
    const reviewed = { ...course, reviewedOn: '2026-12-06' }
    backend({ list_courses: () => [reviewed], course_outline: () => ({ ...outline, course: reviewed }) })
    const { wrapper } = await mountScreen(OutlineView)
    await settle()
    expect(wrapper.get('[data-testid="course-reviewed"]').text()).toBe(
      '本课程涉及的平台规则与法规核对于 2026-12-06，之后如有变化请以官方最新规定为准。',
    )

    backend({ list_courses: () => [course], course_outline: () => outline })
    const unsaid = (await mountScreen(OutlineView)).wrapper
    await settle()
    expect(unsaid.find('[data-testid="course-reviewed"]').exists()).toBe(false)
  })

  it('leaves the branding out when the course has no organisation', async () => {
    const plain = { ...course, organisation: null }
    backend({ list_courses: () => [plain], course_outline: () => ({ ...outline, course: plain }) })
    const { wrapper } = await mountScreen(OutlineView)
    await settle()
    expect(wrapper.find('[data-testid="course-branding"]').exists()).toBe(false)
  })

  it('offers to continue the module in progress', async () => {
    backend({ list_courses: () => [course], course_outline: () => outline })
    const { wrapper } = await mountScreen(OutlineView)
    await settle()
    expect(wrapper.text()).toContain('继续学习：主流社群平台与工具')
  })

  it('tells the backend once that the first screen is interactive', async () => {
    backend({ list_courses: () => [course], course_outline: () => outline })
    await mountScreen(OutlineView)
    await settle()
    await mountScreen(OutlineView)
    await settle()
    expect(calls.filter((c) => c === 'ui_ready')).toHaveLength(1)
  })

  it('opens the course named in the route instead of the first one', async () => {
    const other = { ...course, id: 'other', title: '直播带货' }
    let asked: unknown
    calls = []
    mockIPC((cmd, args) => {
      if (cmd === 'list_courses') return [course, other]
      if (cmd === 'course_outline') {
        asked = args
        return { course: other, sections: [] }
      }
      return null
    })
    const { wrapper } = await mountScreen(OutlineView, { props: { courseId: 'other' } }, '/courses/other')
    await settle()
    expect(asked).toEqual({ courseId: 'other' })
    expect(wrapper.find('select').exists()).toBe(true)
    expect(wrapper.find('h1').text()).toBe('直播带货')
  })

  it('says when no course is installed', async () => {
    backend({ list_courses: () => [] })
    const { wrapper } = await mountScreen(OutlineView)
    await settle()
    expect(wrapper.find('h1').text()).toBe('还没有安装课程')
    expect(calls).not.toContain('course_outline')
    expect(wrapper.find('[data-testid="go-to-library"]').attributes('href')).toBe('/library')
  })

  it('explains a failure, without a stack trace, and retries', async () => {
    let fail = true
    backend({
      list_courses: () => (fail ? Promise.reject({ kind: 'database', message: 'database is locked\n  at store::open' }) : [course]),
      course_outline: () => outline,
    })
    const { wrapper } = await mountScreen(OutlineView)
    await settle()

    const alert = wrapper.find('[role="alert"]')
    expect(alert.find('h1').text()).toBe('学习记录暂时无法读写')
    expect(alert.text()).toContain('请关闭其他正在运行的群学窗口后重试')
    expect(alert.text()).toContain('database is locked')
    expect(alert.text()).not.toContain('store::open')

    fail = false
    await alert.find('button').trigger('click')
    await settle()
    expect(wrapper.find('h1').text()).toBe('社群运营实战')
  })
})
