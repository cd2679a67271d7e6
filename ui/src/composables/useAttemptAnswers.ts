// The answers of one running attempt and their trip to the backend. Every
// change is saved: at once for clicks, after a pause in typing for text.
// Saves of one question go out one after another, always with its latest
// answer, so a slow save can never overwrite a newer one. In immediate mode
// feedback comes from the backend only for a checked answer — saving checks
// one-click types at once, "check answer" checks the rest — and the backend
// then refuses any change, so the UI marks that question final too.
import { reactive } from 'vue'
import { checkAnswer, saveAnswer } from '../api/quizzes'
import { toAppError, type AppError } from '../api/errors'
import type { AttemptView, ItemFeedback, LearnerAnswer } from '../api/quizTypes'

export type SaveStatus = 'pending' | 'saving' | 'saved' | 'failed'

/** How long typing must pause before the text is saved. */
export const TYPING_SAVE_DELAY_MS = 600

export interface AttemptAnswerHooks {
  /** The backend's fresh count of seconds left. */
  onRemaining: (seconds: number | null) => void
  /** The backend refused an answer because time is up (it hands the attempt in). */
  onTimeUp: () => void
  /** Seconds left on the local countdown, null without a limit. */
  secondsLeft: () => number | null
}

/** Whether a refused save means the time limit has passed. */
export function isTimeUp(error: AppError, secondsLeft: number | null): boolean {
  if (error.kind !== 'invalid_input') return false
  return (secondsLeft !== null && secondsLeft <= 2) || /time is up|time limit|expired|时间已到|超时/i.test(error.message)
}

export function useAttemptAnswers(view: AttemptView, hooks: AttemptAnswerHooks) {
  const immediate = view.feedbackMode === 'immediate'

  const answers = reactive<Record<string, LearnerAnswer>>({ ...view.answers })
  /**
   * Feedback the learner has been shown (immediate mode). The backend sends
   * feedback only for checked answers, so a resumed attempt shows exactly
   * those again, locked.
   */
  const shown = reactive<Record<string, ItemFeedback>>(immediate ? { ...view.feedback } : {})
  const status = reactive<Record<string, SaveStatus>>({})
  const errors = reactive<Record<string, string>>({})

  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const chains = new Map<string, Promise<void>>()
  const dirty = new Set<string>()
  let stopped = false

  function isFinal(questionId: string): boolean {
    return immediate && questionId in shown
  }

  /** Records a new answer and schedules its save. Ignored once the question is final. */
  function change(questionId: string, answer: LearnerAnswer, options: { typed?: boolean } = {}): void {
    if (stopped || isFinal(questionId)) return
    answers[questionId] = answer
    dirty.add(questionId)
    status[questionId] = 'pending'
    clearTimeout(timers.get(questionId))
    timers.delete(questionId)
    if (options.typed) {
      timers.set(
        questionId,
        setTimeout(() => void save(questionId), TYPING_SAVE_DELAY_MS),
      )
    } else {
      void save(questionId)
    }
  }

  function save(questionId: string): Promise<void> {
    clearTimeout(timers.get(questionId))
    timers.delete(questionId)
    const chain = (chains.get(questionId) ?? Promise.resolve()).then(() => send(questionId))
    chains.set(questionId, chain)
    return chain
  }

  async function send(questionId: string): Promise<void> {
    if (stopped || !dirty.has(questionId)) return
    dirty.delete(questionId)
    const answer = answers[questionId]
    status[questionId] = 'saving'
    try {
      const result = await saveAnswer(view.attemptId, questionId, answer)
      hooks.onRemaining(result.remainingSeconds)
      // A newer answer may be waiting; it will report its own state.
      if (!dirty.has(questionId)) {
        status[questionId] = 'saved'
        delete errors[questionId]
      }
      if (immediate && result.feedback) shown[questionId] = result.feedback
    } catch (reason) {
      const error = toAppError(reason)
      if (isTimeUp(error, hooks.secondsLeft())) {
        stopped = true
        hooks.onTimeUp()
        return
      }
      // Keep the answer marked unsaved so "retry" or the next flush sends it.
      dirty.add(questionId)
      status[questionId] = 'failed'
      errors[questionId] = error.message
    }
  }

  /** Sends every waiting answer now (or one question's) and waits for the saves. */
  async function flush(questionId?: string): Promise<void> {
    const ids = questionId ? [questionId] : [...new Set([...dirty, ...timers.keys()])]
    await Promise.all(ids.map((id) => (dirty.has(id) || timers.has(id) ? save(id) : chains.get(id))))
  }

  /** Immediate mode: saves the answer, asks the backend to check it, shows the feedback. */
  async function check(questionId: string): Promise<boolean> {
    if (!immediate || isFinal(questionId)) return false
    await flush(questionId)
    if (status[questionId] === 'failed' || !(questionId in answers)) return false
    try {
      shown[questionId] = await checkAnswer(view.attemptId, questionId)
      return true
    } catch (reason) {
      errors[questionId] = toAppError(reason).message
      return false
    }
  }

  /** Questions whose latest answer is not saved. */
  function unsaved(): string[] {
    return Object.keys(status).filter((id) => status[id] === 'failed' || status[id] === 'pending')
  }

  /** No more saves: the attempt is being handed in. */
  function stop(): void {
    stopped = true
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
  }

  return { answers, shown, status, errors, immediate, isFinal, change, save, flush, check, unsaved, stop }
}
