import { describe, expect, it } from 'vitest'
import { answeredCount, clampIndex, navigatorItems, outcomeOf, resumeIndex, unansweredNumbers } from './navigator'
import { correctFeedback, fillBlank, multiple, numeric, single } from '../../test/quizFixtures'

const questions = [single, multiple, fillBlank, numeric]

describe('navigatorItems', () => {
  it('marks answered, unanswered and current questions, numbered from 1', () => {
    const items = navigatorItems(questions, { 'm01-q01': { choice: '3' }, 'm01-q06': { blanks: ['私域', ''] } }, 1)
    expect(items.map((i) => [i.number, i.answered, i.current])).toEqual([
      [1, true, false],
      [2, false, true],
      [3, false, false],
      [4, false, false],
    ])
  })

  it('shows the outcome of feedback the learner has seen', () => {
    const items = navigatorItems(questions, { 'm01-q01': { choice: '3' } }, 0, { 'm01-q01': correctFeedback })
    expect(items[0].outcome).toBe('correct')
    expect(items[1].outcome).toBeNull()
  })
})

describe('outcomeOf', () => {
  it('tells right, partly right, wrong and waiting apart', () => {
    expect(outcomeOf(correctFeedback)).toBe('correct')
    expect(outcomeOf({ ...correctFeedback, correct: false, score: 0.5 })).toBe('partial')
    expect(outcomeOf({ ...correctFeedback, correct: false, score: 0 })).toBe('incorrect')
    expect(outcomeOf({ ...correctFeedback, correct: null, score: 0 })).toBe('pending')
    expect(outcomeOf(null)).toBeNull()
  })
})

describe('counting', () => {
  const answers = { 'm01-q01': { choice: '3' }, 'm01-q07': { value: 18 } }

  it('counts complete answers and lists the missing ones by number', () => {
    expect(answeredCount(questions, answers)).toBe(2)
    expect(unansweredNumbers(questions, answers)).toEqual([2, 3])
    expect(unansweredNumbers(questions, {})).toEqual([1, 2, 3, 4])
  })

  it('resumes at the first unanswered question, or the first when all are done', () => {
    expect(resumeIndex(questions, answers)).toBe(1)
    expect(resumeIndex(questions, {})).toBe(0)
    expect(
      resumeIndex([single, numeric], answers),
    ).toBe(0)
  })

  it('keeps an index inside the quiz', () => {
    expect(clampIndex(-1, 12)).toBe(0)
    expect(clampIndex(12, 12)).toBe(11)
    expect(clampIndex(5, 12)).toBe(5)
    expect(clampIndex(3, 0)).toBe(0)
  })
})
