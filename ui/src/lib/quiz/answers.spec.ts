import { describe, expect, it } from 'vitest'
import {
  blanksAnswer,
  blanksOf,
  characterCount,
  isAnswered,
  matchingAnswer,
  moveItem,
  numericAnswer,
  orderOf,
  orderingAnswer,
  parseNumber,
  pickByIndex,
  pickableCount,
  singleAnswer,
  textAnswer,
  toggleChoice,
  trueFalseAnswer,
} from './answers'
import { fillBlank, matching, multiple, numeric, ordering, shortAnswer, single, trueFalse } from '../../test/quizFixtures'

describe('answer builders send the JSON the scoring core reads', () => {
  it('single choice: the original option key', () => {
    expect(singleAnswer('3')).toEqual({ choice: '3' })
  })

  it('multiple choice: toggles keys and keeps them in original-index order', () => {
    let answer = toggleChoice(undefined, '3')
    answer = toggleChoice(answer, '0')
    answer = toggleChoice(answer, '10')
    expect(answer).toEqual({ choices: ['0', '3', '10'] })
    expect(toggleChoice(answer, '3')).toEqual({ choices: ['0', '10'] })
    expect(toggleChoice({ choices: ['1'] }, '1')).toEqual({ choices: [] })
  })

  it('true / false: a boolean', () => {
    expect(trueFalseAnswer(false)).toEqual({ value: false })
  })

  it('fill in the blank: one string per blank, the others kept', () => {
    const first = blanksAnswer(undefined, 2, 1, '复购')
    expect(first).toEqual({ blanks: ['', '复购'] })
    expect(blanksAnswer(first, 2, 0, '私域')).toEqual({ blanks: ['私域', '复购'] })
    expect(blanksAnswer(first, 2, 5, 'x')).toEqual(first)
    expect(blanksOf({ blanks: ['a', 'b', 'c'] }, 2)).toEqual(['a', 'b'])
  })

  it('matching: left index to right key; an empty choice removes the pair', () => {
    const answer = matchingAnswer(matchingAnswer(undefined, 0, '2'), 1, '0')
    expect(answer).toEqual({ pairs: { '0': '2', '1': '0' } })
    expect(matchingAnswer(answer, 0, '')).toEqual({ pairs: { '1': '0' } })
  })

  it('ordering: the item keys in the learner order', () => {
    expect(orderingAnswer(['3', '0', '1', '2'])).toEqual({ order: ['3', '0', '1', '2'] })
  })

  it('numeric: a number, or nothing when the text is not one', () => {
    expect(numericAnswer('18.5')).toEqual({ value: 18.5 })
    expect(numericAnswer('十八')).toBeNull()
  })

  it('short answer: the text', () => {
    expect(textAnswer('存在自选择偏差')).toEqual({ text: '存在自选择偏差' })
  })
})

describe('parseNumber', () => {
  it.each([
    ['18', 18],
    [' 18.5 ', 18.5],
    ['１８．５', 18.5],
    ['5,400', 5400],
    ['5，400', 5400],
    ['18%', 18],
    ['-3', -3],
    ['－3', -3],
    ['.5', 0.5],
    ['1 000', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it.each(['', '   ', 'abc', '1,2', '18..5', '.', '-', '1e3', '十八'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeNull()
  })
})

describe('moveItem and orderOf', () => {
  it('moves one place and stops at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveItem(['a', 'b', 'c'], 1, 5)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 7, 1)).toEqual(['a', 'b', 'c'])
  })

  it('starts from the shown order and repairs a saved order that lost or gained keys', () => {
    expect(orderOf(ordering, undefined)).toEqual(['2', '0', '1'])
    expect(orderOf(ordering, { order: ['0', '1', '2'] })).toEqual(['0', '1', '2'])
    expect(orderOf(ordering, { order: ['1', '9'] })).toEqual(['1', '2', '0'])
  })
})

describe('isAnswered', () => {
  it('is false without an answer for every type', () => {
    for (const question of [single, multiple, trueFalse, matching, fillBlank, ordering, numeric, shortAnswer]) {
      expect(isAnswered(question, undefined), question.type).toBe(false)
    }
  })

  it('needs a complete answer', () => {
    expect(isAnswered(single, { choice: '0' })).toBe(true)
    expect(isAnswered(multiple, { choices: [] })).toBe(false)
    expect(isAnswered(multiple, { choices: ['2'] })).toBe(true)
    expect(isAnswered(trueFalse, { value: false })).toBe(true)
    expect(isAnswered(fillBlank, { blanks: ['私域', ' '] })).toBe(false)
    expect(isAnswered(fillBlank, { blanks: ['私域', '复购'] })).toBe(true)
    expect(isAnswered(matching, { pairs: { '0': '0', '1': '1' } })).toBe(false)
    expect(isAnswered(matching, { pairs: { '0': '0', '1': '1', '2': '2' } })).toBe(true)
    expect(isAnswered(ordering, { order: ['2', '0', '1'] })).toBe(true)
    expect(isAnswered(numeric, { value: 0 })).toBe(true)
    expect(isAnswered(shortAnswer, { text: '  \n' })).toBe(false)
    expect(isAnswered(shortAnswer, { text: '自选择偏差' })).toBe(true)
  })

  it('does not mistake one type for another with the same key', () => {
    expect(isAnswered(numeric, { value: true })).toBe(false)
    expect(isAnswered(trueFalse, { value: 18 })).toBe(false)
  })
})

describe('number keys', () => {
  it('pick the option shown in that place, by its original key', () => {
    expect(pickByIndex(single, undefined, 2)).toEqual({ choice: '3' })
    expect(pickByIndex(multiple, { choices: ['1'] }, 4)).toEqual({ choices: ['0', '1'] })
    expect(pickByIndex(multiple, { choices: ['0', '1'] }, 0)).toEqual({ choices: ['0'] })
    expect(pickByIndex(trueFalse, undefined, 0)).toEqual({ value: true })
    expect(pickByIndex(trueFalse, undefined, 1)).toEqual({ value: false })
  })

  it('do nothing past the last option or on other types', () => {
    expect(pickByIndex(single, undefined, 4)).toBeNull()
    expect(pickByIndex(trueFalse, undefined, 2)).toBeNull()
    expect(pickByIndex(numeric, undefined, 0)).toBeNull()
    expect(pickableCount(ordering)).toBe(0)
  })
})

describe('characterCount', () => {
  it('counts characters, not spaces or line breaks, and emoji once', () => {
    expect(characterCount('自选择 偏差\n对照组')).toBe(8)
    expect(characterCount('　')).toBe(0)
    expect(characterCount('👍好')).toBe(2)
  })
})
