import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import AttemptRunner from './AttemptRunner.vue'
import { mountScreen } from '../../test/mount'
import { attemptView, correctFeedback } from '../../test/quizFixtures'
import type { AttemptResult, AttemptView } from '../../api/quizTypes'

let calls: [string, Record<string, unknown>][] = []

const result: AttemptResult = {
  attemptId: 'attempt-1',
  quizId: 'quiz-m01',
  courseId: 'qunxue.community-ops',
  title: '第 1 课 小测',
  number: 1,
  percent: 50,
  score: 6.5,
  maxScore: 13,
  passed: false,
  pendingManual: 0,
  marksArriveBy: 'bundle',
  attemptsLeft: 2,
  items: [],
}

beforeEach(() => {
  calls = []
  vi.spyOn(console, 'error').mockImplementation(() => {})
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'save_answer') return { remainingSeconds: 880, feedback: correctFeedback }
    if (cmd === 'submit_attempt') return result
    return null
  })
})
afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

async function run(view: AttemptView = attemptView()) {
  const { wrapper } = await mountScreen(AttemptRunner, { props: { view }, attachTo: document.body }, '/')
  await flushPromises()
  return wrapper
}

function key(key: string, target: EventTarget = document.body): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

const heading = (wrapper: Awaited<ReturnType<typeof run>>) => wrapper.find('[data-question-heading]').text()

describe('AttemptRunner keyboard', () => {
  it('← → move between questions and focus the new heading', async () => {
    const wrapper = await run()
    expect(heading(wrapper)).toBe('第 1 题 / 共 8 题')
    key('ArrowRight')
    await flushPromises()
    expect(heading(wrapper)).toBe('第 2 题 / 共 8 题')
    expect(document.activeElement?.hasAttribute('data-question-heading')).toBe(true)
    key('ArrowLeft')
    key('ArrowLeft')
    await flushPromises()
    expect(heading(wrapper)).toBe('第 1 题 / 共 8 题')
    wrapper.unmount()
  })

  it('number keys answer, and the feedback appears and is announced', async () => {
    const wrapper = await run()
    key('3')
    await flushPromises()
    expect(calls.find(([cmd]) => cmd === 'save_answer')?.[1]).toEqual({
      attemptId: 'attempt-1',
      questionId: 'm01-q01',
      answer: { choice: '3' },
    })
    expect(wrapper.find('[data-testid="item-feedback"]').text()).toContain('回答正确')
    expect(wrapper.find('[data-testid="feedback-announcement"]').text()).toBe('回答正确，得 1 / 1 分')
    expect(wrapper.find('[data-testid="answered-count"]').text()).toBe('已答 1 / 8')
    expect(wrapper.find('[data-testid="nav-1"]').attributes('data-state')).toBe('answered')
    // Final now: another number changes nothing.
    key('1')
    await flushPromises()
    expect(calls.filter(([cmd]) => cmd === 'save_answer')).toHaveLength(1)
    wrapper.unmount()
  })

  it('Enter goes to the next question, and from the last one to the hand-in button', async () => {
    const wrapper = await run()
    for (let i = 0; i < 7; i++) key('Enter')
    await flushPromises()
    expect(heading(wrapper)).toBe('第 8 题 / 共 8 题')
    key('Enter')
    await flushPromises()
    expect(document.activeElement?.getAttribute('data-testid')).toBe('open-submit')
    wrapper.unmount()
  })

  it('keys typed into a text box stay there', async () => {
    const wrapper = await run()
    await wrapper.find('[data-testid="nav-7"]').trigger('click')
    const input = wrapper.find('[data-testid="numeric-input"]')
    key('ArrowLeft', input.element)
    key('5', input.element)
    await flushPromises()
    expect(heading(wrapper)).toBe('第 7 题 / 共 8 题')
    expect(calls.filter(([cmd]) => cmd === 'save_answer')).toHaveLength(0)
    wrapper.unmount()
  })
})

describe('AttemptRunner handing in', () => {
  it('lists the unanswered questions, jumps to one, then hands in', async () => {
    const wrapper = await run(attemptView({ answers: { 'm01-q01': { choice: '3' } }, feedback: { 'm01-q01': correctFeedback } }))
    await wrapper.find('[data-testid="open-submit"]').trigger('click')
    await flushPromises()
    const summary = document.querySelector('[data-testid="submit-summary"]')!
    expect(summary.textContent).toContain('共 8 题，还有 7 题没有作答')
    const jump = [...summary.querySelectorAll('button')].find((b) => b.textContent?.trim() === '第 4 题')!
    jump.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="submit-summary"]')).toBeNull()
    expect(heading(wrapper)).toBe('第 4 题 / 共 8 题')

    await wrapper.find('[data-testid="open-submit"]').trigger('click')
    await flushPromises()
    ;(document.querySelector('[data-testid="confirm-action"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(calls.at(-1)).toEqual(['submit_attempt', { attemptId: 'attempt-1' }])
    expect(wrapper.emitted('finished')?.[0]).toEqual([result, 'submitted'])
    wrapper.unmount()
  })

  it('hands in by itself when a resumed attempt has no time left', async () => {
    const wrapper = await run(attemptView({ remainingSeconds: 0 }))
    await flushPromises()
    expect(calls.map(([cmd]) => cmd)).toEqual(['submit_attempt'])
    expect(wrapper.emitted('finished')?.[0]).toEqual([result, 'expired'])
    wrapper.unmount()
  })
})
