import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { TYPING_SAVE_DELAY_MS, useAttemptAnswers, type AttemptAnswerHooks } from './useAttemptAnswers'
import { attemptView, correctFeedback, multiple, numeric, shortAnswer, single } from '../test/quizFixtures'
import type { AttemptView } from '../api/quizTypes'

interface Saved {
  questionId: string
  answer: unknown
}

let saves: Saved[] = []
/** When set, each save waits for the test to release it. */
let gate: (() => Promise<void>) | null = null
let reply: (args: Saved) => unknown = () => ({ remainingSeconds: 800, feedback: null })
let checks: string[] = []
let checkReply: () => unknown = () => correctFeedback

beforeEach(() => {
  saves = []
  gate = null
  reply = () => ({ remainingSeconds: 800, feedback: null })
  checks = []
  checkReply = () => correctFeedback
  vi.spyOn(console, 'error').mockImplementation(() => {})
  mockIPC(async (cmd, args) => {
    if (cmd === 'check_answer') {
      checks.push((args as { questionId: string }).questionId)
      return checkReply()
    }
    if (cmd !== 'save_answer') throw new Error(`unexpected ${cmd}`)
    const saved = args as unknown as Saved
    saves.push({ questionId: saved.questionId, answer: saved.answer })
    if (gate) await gate()
    return reply(saved)
  })
})
afterEach(() => {
  clearMocks()
  vi.useRealTimers()
})

function setUp(view: AttemptView = attemptView(), secondsLeft: number | null = 800) {
  const hooks: AttemptAnswerHooks = {
    onRemaining: vi.fn(),
    onTimeUp: vi.fn(),
    secondsLeft: () => secondsLeft,
  }
  return { attempt: useAttemptAnswers(view, hooks), hooks }
}

describe('useAttemptAnswers', () => {
  it('saves a click at once and passes on the time left', async () => {
    const { attempt, hooks } = setUp()
    attempt.change(single.id, { choice: '3' })
    expect(attempt.status[single.id]).toBe('pending')
    await flushPromises()
    expect(saves).toEqual([{ questionId: single.id, answer: { choice: '3' } }])
    expect(attempt.status[single.id]).toBe('saved')
    expect(hooks.onRemaining).toHaveBeenCalledWith(800)
  })

  it('waits for a pause in typing and then saves only the latest text', async () => {
    vi.useFakeTimers()
    const { attempt } = setUp()
    attempt.change(shortAnswer.id, { text: '自' }, { typed: true })
    vi.advanceTimersByTime(300)
    attempt.change(shortAnswer.id, { text: '自选择' }, { typed: true })
    vi.advanceTimersByTime(TYPING_SAVE_DELAY_MS - 1)
    await flushPromises()
    expect(saves).toEqual([])
    expect(attempt.status[shortAnswer.id]).toBe('pending')
    vi.advanceTimersByTime(1)
    await flushPromises()
    expect(saves).toEqual([{ questionId: shortAnswer.id, answer: { text: '自选择' } }])
    expect(attempt.status[shortAnswer.id]).toBe('saved')
  })

  it('flush sends typed text right away', async () => {
    vi.useFakeTimers()
    const { attempt } = setUp()
    attempt.change(numeric.id, { value: 18 }, { typed: true })
    await attempt.flush()
    expect(saves).toEqual([{ questionId: numeric.id, answer: { value: 18 } }])
  })

  it('never lets an older save overtake a newer answer', async () => {
    let release: () => void = () => {}
    gate = () => new Promise<void>((resolve) => (release = resolve))
    const { attempt } = setUp()
    attempt.change(multiple.id, { choices: ['0'] })
    await flushPromises()
    attempt.change(multiple.id, { choices: ['0', '1'] })
    await flushPromises()
    // The second answer waits for the first save to finish.
    expect(saves).toHaveLength(1)
    release()
    await flushPromises()
    expect(saves.map((s) => s.answer)).toEqual([{ choices: ['0'] }, { choices: ['0', '1'] }])
    expect(attempt.status[multiple.id]).toBe('saving')
    release()
    await flushPromises()
    expect(attempt.status[multiple.id]).toBe('saved')
  })

  it('immediate mode: a one-click answer shows its feedback and becomes final', async () => {
    reply = () => ({ remainingSeconds: 700, feedback: correctFeedback })
    const { attempt } = setUp()
    attempt.change(single.id, { choice: '3' })
    await flushPromises()
    expect(attempt.shown[single.id]).toEqual(correctFeedback)
    expect(attempt.isFinal(single.id)).toBe(true)
    attempt.change(single.id, { choice: '1' })
    await flushPromises()
    expect(saves).toHaveLength(1)
    expect(attempt.answers[single.id]).toEqual({ choice: '3' })
  })

  it('immediate mode: other types are checked by the backend on request', async () => {
    checkReply = () => ({ ...correctFeedback, correct: false, score: 1, maxScore: 2 })
    const { attempt } = setUp()
    attempt.change(multiple.id, { choices: ['0'] })
    await flushPromises()
    expect(attempt.shown[multiple.id]).toBeUndefined()
    attempt.change(multiple.id, { choices: ['0', '4'] })
    expect(await attempt.check(multiple.id)).toBe(true)
    expect(saves.at(-1)?.answer).toEqual({ choices: ['0', '4'] })
    expect(checks).toEqual([multiple.id])
    expect(attempt.shown[multiple.id]?.score).toBe(1)
    expect(attempt.isFinal(multiple.id)).toBe(true)
  })

  it('immediate mode: a refused check leaves the question open with the reason', async () => {
    checkReply = () => Promise.reject({ kind: 'invalid_input', message: 'question m1 has no saved answer to check' })
    const { attempt } = setUp()
    attempt.change(multiple.id, { choices: ['0'] })
    expect(await attempt.check(multiple.id)).toBe(false)
    expect(attempt.isFinal(multiple.id)).toBe(false)
    expect(attempt.errors[multiple.id]).toContain('no saved answer')
  })

  it('after-submit mode shows nothing and never locks', async () => {
    reply = () => ({ remainingSeconds: 700, feedback: null })
    const { attempt } = setUp(attemptView({ feedbackMode: 'after_submit' }))
    attempt.change(single.id, { choice: '3' })
    await flushPromises()
    expect(await attempt.check(single.id)).toBe(false)
    expect(attempt.shown).toEqual({})
    attempt.change(single.id, { choice: '1' })
    await flushPromises()
    expect(saves).toHaveLength(2)
  })

  it('a resumed attempt shows again, locked, the feedback the backend sends (checked answers)', () => {
    const { attempt } = setUp(
      attemptView({
        answers: { [single.id]: { choice: '3' }, [multiple.id]: { choices: ['0'] } },
        feedback: { [single.id]: correctFeedback },
      }),
    )
    expect(Object.keys(attempt.shown)).toEqual([single.id])
    expect(attempt.isFinal(single.id)).toBe(true)
    expect(attempt.isFinal(multiple.id)).toBe(false)
    expect(attempt.answers[multiple.id]).toEqual({ choices: ['0'] })
  })

  it('reports a failed save and sends it again on retry', async () => {
    reply = () => Promise.reject({ kind: 'database', message: 'database is locked' })
    const { attempt } = setUp()
    attempt.change(single.id, { choice: '2' })
    await flushPromises()
    expect(attempt.status[single.id]).toBe('failed')
    expect(attempt.errors[single.id]).toBe('database is locked')
    expect(attempt.unsaved()).toEqual([single.id])

    reply = () => ({ remainingSeconds: 600, feedback: null })
    await attempt.save(single.id)
    expect(attempt.status[single.id]).toBe('saved')
    expect(attempt.unsaved()).toEqual([])
    expect(saves.map((s) => s.answer)).toEqual([{ choice: '2' }, { choice: '2' }])
  })

  it('a save refused because time is up hands over to the time-up handling', async () => {
    reply = () => Promise.reject({ kind: 'invalid_input', message: 'time is up: the attempt has been handed in' })
    const { attempt, hooks } = setUp(attemptView(), 400)
    attempt.change(single.id, { choice: '2' })
    await flushPromises()
    expect(hooks.onTimeUp).toHaveBeenCalledTimes(1)
    expect(attempt.status[single.id]).toBe('saving')
    attempt.change(single.id, { choice: '1' })
    await flushPromises()
    expect(saves).toHaveLength(1)
  })

  it('treats a refusal in the last seconds as time up whatever the message', async () => {
    reply = () => Promise.reject({ kind: 'invalid_input', message: 'attempt closed' })
    const { attempt, hooks } = setUp(attemptView(), 1)
    attempt.change(single.id, { choice: '2' })
    await flushPromises()
    expect(hooks.onTimeUp).toHaveBeenCalled()
  })
})
