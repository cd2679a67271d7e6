import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import GradingView from './GradingView.vue'
import { mountScreen } from '../test/mount'
import { gradingScreen } from '../test/taskFixtures'
import { resetScreenState } from '../lib/screen'

let calls: [string, Record<string, unknown>][] = []

function backend(view = gradingScreen): void {
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'grading_view') return view
    if (cmd === 'comment_bank_list') return [{ id: 'c1', course_id: 'community-ops', criterion_id: 'action', text: '请写明活动时间', uses: 3 }]
    if (cmd === 'comment_bank_use') return { id: 'c1', course_id: 'community-ops', criterion_id: 'action', text: '请写明活动时间', uses: 4 }
    if (cmd === 'grading_save_mark') return { ...(args as { mark: object }).mark, markerId: 't', markerName: '王老师', points: 7, grade: 70, status: 'complete', updatedAt: '' }
    if (cmd === 'grading_release') return {}
    return null
  })
}

beforeEach(() => {
  resetScreenState()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('GradingView', () => {
  it('shows the submission beside the rubric and scores with the keyboard', async () => {
    backend()
    const { wrapper } = await mountScreen(GradingView, { props: { versionId: 'v-1', mode: 'grade' } }, '/teach/tasks/v-1')
    await flushPromises()
    expect(wrapper.find('h1').text()).toBe('批改：写一条新群欢迎语')
    expect(wrapper.find('[data-testid="submission-html"] strong').text()).toBe('麦田小屋')
    expect(wrapper.find('[data-testid="grading-score"]').text()).toBe('还有评分项没有选档')

    const criteria = wrapper.findAll('[data-testid="grading-criterion"]')
    await criteria[0].trigger('focus')
    await criteria[0].trigger('keydown', { key: '3' })
    await criteria[0].trigger('keydown', { key: 'ArrowDown' })
    await criteria[1].trigger('keydown', { key: '2' })
    // Level 9 does not exist: ignored.
    await criteria[1].trigger('keydown', { key: '9' })
    expect(criteria[0].find('[aria-pressed="true"]').text()).toContain('优秀')
    expect(criteria[1].find('[aria-pressed="true"]').text()).toContain('基本达标')
    // 4 + 3 = 7 of 0…10 → 70.
    expect(wrapper.find('[data-testid="grading-score"]').text()).toBe('当前得分：7 分，折算 70 / 100')

    await criteria[1].find('.grading__chip').trigger('click')
    await flushPromises()
    expect((criteria[1].find('textarea').element as HTMLTextAreaElement).value).toBe('请写明活动时间')
    expect(criteria[1].find('.grading__chip small').text()).toBe('×4')

    await wrapper.find('[data-testid="grading-release"]').trigger('click')
    await flushPromises()
    const saved = calls.find(([cmd]) => cmd === 'grading_save_mark')?.[1]
    expect(saved).toEqual({
      versionId: 'v-1',
      mark: { levels: { purpose: 2, action: 1 }, comments: { action: '请写明活动时间' }, feedback: '', complete: true },
    })
    expect(calls.map(([cmd]) => cmd)).toContain('grading_release')
  })

  it('hides release under double marking and says the marking is blind', async () => {
    backend({ ...gradingScreen, doubleMarked: true, status: 'needs_second_mark' })
    const { wrapper } = await mountScreen(GradingView, { props: { versionId: 'v-1', mode: 'grade' } }, '/teach/tasks/v-1')
    await flushPromises()
    expect(wrapper.find('[data-testid="blind-note"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="grading-release"]').exists()).toBe(false)
  })
})
