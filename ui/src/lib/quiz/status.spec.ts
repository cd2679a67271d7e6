import { describe, expect, it } from 'vitest'
import { attemptState, moduleQuizState, resultState } from './status'
import type { AttemptSummary } from '../../api/quizTypes'

const attempt: AttemptSummary = {
  attemptId: 'a1',
  number: 1,
  status: 'submitted',
  startedAt: '2026-11-20T01:00:00Z',
  submittedAt: '2026-11-20T01:12:00Z',
  percent: 75,
  passed: true,
}

describe('quiz badge states', () => {
  it('module quizzes: not attempted, in progress, passed, not passed', () => {
    const quiz = { quizId: 'q', title: 't', passed: false, bestPercent: null }
    expect(moduleQuizState(quiz)).toBe('not_attempted')
    expect(moduleQuizState({ ...quiz, inProgress: true })).toBe('in_progress')
    expect(moduleQuizState({ ...quiz, bestPercent: 83, passed: true })).toBe('passed')
    expect(moduleQuizState({ ...quiz, bestPercent: 40 })).toBe('failed')
  })

  it('attempts and results: waiting for grading while passed is unknown', () => {
    expect(attemptState(attempt)).toBe('passed')
    expect(attemptState({ ...attempt, passed: false })).toBe('failed')
    expect(attemptState({ ...attempt, passed: null })).toBe('pending')
    expect(attemptState({ ...attempt, status: 'in_progress', percent: null, passed: null })).toBe('in_progress')
    expect(resultState({ passed: null })).toBe('pending')
    expect(resultState({ passed: false })).toBe('failed')
  })
})
