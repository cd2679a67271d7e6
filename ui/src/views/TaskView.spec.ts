import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import TaskView from './TaskView.vue'
import { mountScreen } from '../test/mount'
import { emptyTaskPage, welcomeVersion } from '../test/taskFixtures'
import { resetScreenState } from '../lib/screen'
import type { TaskPage } from '../api/tasks'

const props = { courseId: 'community-ops', taskId: 'task-welcome' }
let calls: [string, Record<string, unknown>][] = []

function backend(page: TaskPage): void {
  calls = []
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown>
    calls.push([cmd, a])
    if (cmd === 'task_page') return page
    // The real backend sanitises; the stand-in escapes, and the spec checks the page shows exactly what came back.
    if (cmd === 'task_preview') return `<p>${String(a.markdown).replace(/</g, '&lt;')}</p>`
    if (cmd === 'task_save_draft') return { markdown: a.markdown, attachments: a.attachments, savedAt: '2026-03-01T01:00:00.000Z' }
    return null
  })
}

beforeEach(() => {
  resetScreenState()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  clearMocks()
  vi.useRealTimers()
})

describe('TaskView', () => {
  it('shows instructions and the full rubric, previews through the backend and autosaves', async () => {
    backend(emptyTaskPage)
    const { wrapper } = await mountScreen(TaskView, { props }, '/courses/community-ops/tasks/task-welcome')
    await flushPromises()
    expect(wrapper.find('h1').text()).toBe('写一条新群欢迎语')
    expect(wrapper.text()).toContain('一句话说清群的用途和成员的收获。')
    expect(wrapper.findAll('.rubric-table__level')).toHaveLength(6)

    vi.useFakeTimers()
    await wrapper.find('[data-testid="task-markdown"]').setValue('欢迎 <img src=x onerror=alert(1)>')
    await flushPromises()
    expect(wrapper.find('[data-testid="save-state"]').text()).toBe('有未保存的修改')
    expect(wrapper.find('[data-testid="task-preview"]').html()).toContain('&lt;img')
    expect(wrapper.find('[data-testid="task-preview"] img').exists()).toBe(false)
    expect(calls.some(([cmd]) => cmd === 'task_save_draft')).toBe(false)

    await vi.advanceTimersByTimeAsync(3000)
    await flushPromises()
    expect(calls.filter(([cmd]) => cmd === 'task_save_draft')).toHaveLength(1)
    expect(wrapper.find('[data-testid="save-state"]').text()).toBe('已保存')
  })

  it('shows a released grade with each criterion’s level and comment', async () => {
    backend({
      ...emptyTaskPage,
      versions: [
        {
          ...welcomeVersion,
          result: {
            versionId: 'v-1',
            levels: { purpose: 2, action: 1 },
            comments: { action: '活动时间写清楚了，参与方式再具体些' },
            feedback: '定位很清楚。',
            points: 7,
            grade: 70,
            gradeMax: 100,
            method: 'single',
            releasedBy: '王老师',
            releasedAt: '2026-03-02T01:00:00.000Z',
          },
        },
      ],
    })
    const { wrapper } = await mountScreen(TaskView, { props }, '/courses/community-ops/tasks/task-welcome')
    await flushPromises()
    const version = wrapper.find('[data-testid="task-version"]')
    expect(version.find('[data-testid="released-grade"]').text()).toBe('成绩：70 / 100 分')
    expect(version.findAll('[aria-current="true"]').map((l) => l.text().split(' · ')[0])).toEqual(['优秀', '基本达标'])
    expect(version.find('[data-testid="criterion-comment"]').text()).toContain('参与方式再具体些')
    expect(version.text()).toContain('定位很清楚。')
  })
})
