import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import KeyChangesView from './KeyChangesView.vue'
import { mountScreen } from '../test/mount'
import { resetScreenState } from '../lib/screen'
import { course } from '../test/fixtures'
import type { KeyChange, ScoreChange } from '../api/marking'

function moved(id: string, name: string, before: number, after: number): ScoreChange {
  return {
    attemptId: id,
    learnerId: `p-${id}`,
    learnerName: name,
    quizId: 'quiz-m01',
    quizTitle: '第 1 课 小测',
    attemptNumber: 1,
    answerBefore: before === 8 ? 1 : 0,
    answerAfter: after === 8 ? 1 : 0,
    answerMax: 1,
    scoreBefore: before,
    scoreAfter: after,
    maxScore: 10,
    passedBefore: before >= 6,
    passedAfter: after >= 6,
  }
}

const change: KeyChange = {
  questionId: 'm01-q03',
  stem: '哪一项不是社群的要素？',
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  changedAt: '2026-12-07T08:00:00Z',
  regradedAt: null,
  regradedBy: null,
  affected: [moved('a1', '学员甲', 8, 7), moved('a2', '学员乙', 5, 6)],
}

let calls: { cmd: string; args: unknown }[] = []
let regraded = false

beforeEach(() => resetScreenState())
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  calls = []
  regraded = false
  mockIPC((cmd, args) => {
    calls.push({ cmd, args })
    if (cmd === 'list_courses') return [course]
    if (cmd === 'quiz_key_changes') {
      return [regraded ? { ...change, affected: [], regradedAt: '2026-12-07T09:00:00Z', regradedBy: '王老师' } : change]
    }
    if (cmd === 'regrade_question') {
      regraded = true
      return { questionId: change.questionId, changes: change.affected }
    }
    return null
  })
})
afterEach(() => clearMocks())

describe('KeyChangesView', () => {
  it('shows each changed key with the attempts the new key would move, before any change', async () => {
    const { wrapper } = await mountScreen(KeyChangesView)
    await flushPromises()
    const text = wrapper.find('[data-testid="key-changes"]').text()
    expect(text).toContain('哪一项不是社群的要素？')
    expect(text).toContain('按新答案计分，有 2 次作答的成绩会改变')
    expect(text).toContain('学员甲')
    expect(text).toContain('8 → 7（满分 10）')
    expect(text).toContain('未通过 → 通过')
    expect(calls.map((c) => c.cmd)).not.toContain('regrade_question')
  })

  it('regrades only after confirming, then reports every change and shows the key as regraded', async () => {
    const { wrapper } = await mountScreen(KeyChangesView)
    await flushPromises()
    await wrapper.find('[data-testid="regrade-m01-q03"]').trigger('click')
    expect(calls.map((c) => c.cmd)).not.toContain('regrade_question')
    await wrapper.find('[data-testid="confirm-action"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'regrade_question')?.args).toEqual({ courseId: course.id, questionId: 'm01-q03' })
    const report = wrapper.find('[data-testid="regrade-report"]')
    expect(report.text()).toContain('已重新评分 2 次作答')
    expect(report.findAll('tbody tr')).toHaveLength(2)
    expect(wrapper.text()).toContain('已由 王老师')
    expect(wrapper.find('[data-testid="regrade-m01-q03"]').exists()).toBe(false)
  })
})
