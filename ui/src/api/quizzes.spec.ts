import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import {
  answerReview,
  attemptResult,
  moduleQuizzes,
  quizOverview,
  reviewQueue,
  saveAnswer,
  startQuiz,
  submitAttempt,
} from './quizzes'

afterEach(() => clearMocks())

describe('quiz command wrappers', () => {
  it('send each contract command with camelCase arguments and the answer JSON as is', async () => {
    const calls: [string, unknown][] = []
    mockIPC((cmd, args) => {
      calls.push([cmd, args])
      return cmd === 'module_quizzes' ? [] : {}
    })
    await quizOverview('c', 'quiz-m01')
    await moduleQuizzes('c', 'm01-concept')
    await startQuiz('c', 'quiz-m01')
    await saveAnswer('attempt-1', 'm01-q04', { pairs: { '0': '2', '1': '0' } })
    await submitAttempt('attempt-1')
    await attemptResult('attempt-1')
    await reviewQueue()
    await answerReview('m01-q07', 'c', { value: 18.5 })
    expect(calls).toEqual([
      ['quiz_overview', { courseId: 'c', quizId: 'quiz-m01' }],
      ['module_quizzes', { courseId: 'c', moduleId: 'm01-concept' }],
      ['start_quiz', { courseId: 'c', quizId: 'quiz-m01' }],
      ['save_answer', { attemptId: 'attempt-1', questionId: 'm01-q04', answer: { pairs: { '0': '2', '1': '0' } } }],
      ['submit_attempt', { attemptId: 'attempt-1' }],
      ['attempt_result', { attemptId: 'attempt-1' }],
      ['review_queue', {}],
      ['answer_review', { questionId: 'm01-q07', courseId: 'c', answer: { value: 18.5 } }],
    ])
  })

  it('treat a missing quiz list as none', async () => {
    mockIPC(() => null)
    expect(await moduleQuizzes('c', 'm')).toEqual([])
  })
})
