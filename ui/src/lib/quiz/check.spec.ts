import { describe, expect, it } from 'vitest'
import type { PackQuestion } from '../../api/author'
import {
  checkAnswer,
  checkFillBlank,
  checkMatching,
  checkMultiple,
  checkNumeric,
  checkOrdering,
  checkSingle,
  checkTrueFalse,
  chosenFeedback,
  normaliseBlank,
  previewFeedback,
} from './check'

function q(overrides: Partial<PackQuestion> & Pick<PackQuestion, 'type'>): PackQuestion {
  return { id: 'q', stem: 's', difficulty: 1, tags: [], points: 2, explanation: 'e', ...overrides }
}

describe('normaliseBlank (as quiz/normalise.rs)', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['WeChat', 'wechat'],
    ['私域\u3000流量', '私域流量'],
    [' 私 域\t流\n量 ', '私域流量'],
    ['甲，乙', '甲,乙'],
    ['（A）', '(a)'],
    ['甲、乙。', '甲,乙.'],
    ['“社群”', '"社群"'],
    ['', ''],
  ])('%s → %s', (input, folded) => {
    expect(normaliseBlank(input)).toBe(folded)
  })
})

describe('single choice', () => {
  const single = q({ type: 'single', options: ['a', 'b', 'c'], answer: 1 })
  it('is right only for the right option', () => {
    expect(checkSingle(single, { choice: '1' })).toEqual({ fraction: 1, correct: true })
    expect(checkSingle(single, { choice: '0' })).toEqual({ fraction: 0, correct: false })
  })
  it('is wrong for a key that names no option or the wrong shape', () => {
    expect(checkSingle(single, { choice: '7' }).correct).toBe(false)
    expect(checkSingle(single, { choice: 'x' }).correct).toBe(false)
    expect(checkSingle(single, { choices: ['1'] }).correct).toBe(false)
  })
})

describe('multiple choice', () => {
  const multiple = q({ type: 'multiple', options: ['a', 'b', 'c', 'd'], answers: [1, 2] })
  it('shares the points among the right options and takes a share for each wrong one', () => {
    expect(checkMultiple(multiple, { choices: ['1', '2'] })).toEqual({ fraction: 1, correct: true })
    expect(checkMultiple(multiple, { choices: ['1'] })).toEqual({ fraction: 0.5, correct: false })
    expect(checkMultiple(multiple, { choices: ['1', '2', '3'] })).toEqual({ fraction: 0.5, correct: false })
    expect(checkMultiple(multiple, { choices: ['0', '3'] })).toEqual({ fraction: 0, correct: false })
  })
  it('counts a repeated key once and ignores keys naming no option', () => {
    expect(checkMultiple(multiple, { choices: ['1', '1', '2', '9'] })).toEqual({ fraction: 1, correct: true })
  })
})

describe('true/false', () => {
  it('compares the truth', () => {
    const tf = q({ type: 'true_false', answer: false })
    expect(checkTrueFalse(tf, { value: false }).correct).toBe(true)
    expect(checkTrueFalse(tf, { value: true }).correct).toBe(false)
    expect(checkTrueFalse(tf, { value: 0 }).correct).toBe(false)
  })
})

describe('fill in the blank', () => {
  const blank = q({
    type: 'fill_blank',
    blanks: [['私域流量', '私域'], ['内容']],
    partial_blanks: [[{ answer: '流量池', percent: 50 }], []],
  })
  it('gives each blank its share, typed with any keyboard', () => {
    expect(checkFillBlank(blank, { blanks: ['私 域', '内容'] })).toEqual({ fraction: 1, correct: true })
    expect(checkFillBlank(blank, { blanks: ['私域', ''] })).toEqual({ fraction: 0.5, correct: false })
  })
  it('gives part of a blank for a partial answer', () => {
    expect(checkFillBlank(blank, { blanks: ['流量池', '内容'] })).toEqual({ fraction: 0.75, correct: false })
  })
})

describe('matching', () => {
  const matching = q({ type: 'matching', pairs: [['a', 'A'], ['b', 'B']], distractors: ['X'] })
  it('counts the pairs matched with their own right-hand side', () => {
    expect(checkMatching(matching, { pairs: { '0': '0', '1': '1' } })).toEqual({ fraction: 1, correct: true })
    expect(checkMatching(matching, { pairs: { '0': '0', '1': '2' } })).toEqual({ fraction: 0.5, correct: false })
    expect(checkMatching(matching, { pairs: {} })).toEqual({ fraction: 0, correct: false })
  })
})

describe('ordering', () => {
  const ordering = q({ type: 'ordering', items: ['a', 'b', 'c', 'd'] })
  it('counts the items in their right place', () => {
    expect(checkOrdering(ordering, { order: ['0', '1', '2', '3'] })).toEqual({ fraction: 1, correct: true })
    expect(checkOrdering(ordering, { order: ['0', '1', '3', '2'] })).toEqual({ fraction: 0.5, correct: false })
  })
})

describe('numeric', () => {
  it('accepts the value within the tolerance, ends included', () => {
    const numeric = q({ type: 'numeric', answer: 18.5, tolerance: 0.5 })
    expect(checkNumeric(numeric, { value: 19 }).correct).toBe(true)
    expect(checkNumeric(numeric, { value: 18 }).correct).toBe(true)
    expect(checkNumeric(numeric, { value: 19.01 }).correct).toBe(false)
  })
  it('allows for binary rounding and defaults to no tolerance', () => {
    expect(checkNumeric(q({ type: 'numeric', answer: 0.3, tolerance: 0.1 }), { value: 0.4 }).correct).toBe(true)
    expect(checkNumeric(q({ type: 'numeric', answer: 48 }), { value: 48.5 }).correct).toBe(false)
  })
})

describe('checkAnswer', () => {
  it('leaves a short answer to a person and counts no answer as wrong', () => {
    expect(checkAnswer(q({ type: 'short_answer', reference: 'r' }), { text: 'x' })).toEqual({ fraction: 0, correct: null })
    expect(checkAnswer(q({ type: 'single', options: ['a', 'b'], answer: 0 }), undefined)).toEqual({ fraction: 0, correct: false })
  })
})

describe('previewFeedback', () => {
  const single = q({ type: 'single', options: ['a', 'b', 'c'], answer: 1, feedback: ['not a', '', 'not c'] })

  it('scores in points and carries the chosen option’s message and the explanation', () => {
    expect(previewFeedback(single, { choice: '0' }, '<p>why</p>')).toEqual({
      correct: false,
      score: 0,
      maxScore: 2,
      optionFeedback: ['not a'],
      explanationHtml: '<p>why</p>',
      correctAnswer: '',
    })
    expect(previewFeedback(single, { choice: '1' }, '').score).toBe(2)
  })

  it('gives option messages only for choice questions, in option order', () => {
    const multiple = { ...single, type: 'multiple' as const, answers: [1] }
    expect(chosenFeedback(multiple, { choices: ['2', '0'] })).toEqual(['not a', 'not c'])
    expect(chosenFeedback(q({ type: 'true_false', answer: true, feedback: ['x'] }), { value: true })).toEqual([])
  })
})
