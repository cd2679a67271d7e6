// Building and reading the learner's answers, one shape per question type
// (the JSON the scoring core expects, see api/quizTypes.ts). Every builder
// returns a new value, so each change can be saved as it is.
import type { LearnerAnswer, QuestionType, QuestionView } from '../../api/quizTypes'

// Readers: what an answer holds, or the empty value when it holds something else.

export function choiceOf(answer: LearnerAnswer | undefined): string | null {
  return answer && 'choice' in answer ? answer.choice : null
}

export function choicesOf(answer: LearnerAnswer | undefined): string[] {
  return answer && 'choices' in answer ? answer.choices : []
}

export function booleanOf(answer: LearnerAnswer | undefined): boolean | null {
  return answer && 'value' in answer && typeof answer.value === 'boolean' ? answer.value : null
}

export function numberOf(answer: LearnerAnswer | undefined): number | null {
  return answer && 'value' in answer && typeof answer.value === 'number' ? answer.value : null
}

/** Always `count` entries, empty strings for blanks not filled in. */
export function blanksOf(answer: LearnerAnswer | undefined, count: number): string[] {
  const given = answer && 'blanks' in answer ? answer.blanks : []
  return Array.from({ length: Math.max(count, 0) }, (_, i) => given[i] ?? '')
}

export function pairsOf(answer: LearnerAnswer | undefined): Record<string, string> {
  return answer && 'pairs' in answer ? answer.pairs : {}
}

export function textOf(answer: LearnerAnswer | undefined): string {
  return answer && 'text' in answer ? answer.text : ''
}

/** The learner's order, else the order the items were shown in. */
export function orderOf(question: QuestionView, answer: LearnerAnswer | undefined): string[] {
  const shown = (question.items ?? []).map((item) => item.key)
  if (!answer || !('order' in answer)) return shown
  // Keep only keys this question has, then add any the saved order lacks.
  const saved = answer.order.filter((key) => shown.includes(key))
  return [...saved, ...shown.filter((key) => !saved.includes(key))]
}

// Builders.

export function singleAnswer(key: string): LearnerAnswer {
  return { choice: key }
}

export function trueFalseAnswer(value: boolean): LearnerAnswer {
  return { value }
}

/** Adds or removes one option; choices stay in original-index order. */
export function toggleChoice(answer: LearnerAnswer | undefined, key: string): LearnerAnswer {
  const current = choicesOf(answer)
  const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key]
  return { choices: next.sort(byIndex) }
}

export function blanksAnswer(answer: LearnerAnswer | undefined, count: number, index: number, value: string): LearnerAnswer {
  const blanks = blanksOf(answer, count)
  if (index >= 0 && index < blanks.length) blanks[index] = value
  return { blanks }
}

/** Matches left item `leftIndex` to right key `rightKey`; an empty key clears it. */
export function matchingAnswer(answer: LearnerAnswer | undefined, leftIndex: number, rightKey: string): LearnerAnswer {
  const pairs = { ...pairsOf(answer) }
  if (rightKey) pairs[String(leftIndex)] = rightKey
  else delete pairs[String(leftIndex)]
  return { pairs }
}

export function orderingAnswer(order: readonly string[]): LearnerAnswer {
  return { order: [...order] }
}

/** The order with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem(order: readonly string[], index: number, delta: number): string[] {
  const next = [...order]
  if (index < 0 || index >= next.length) return next
  const target = Math.min(Math.max(index + delta, 0), next.length - 1)
  const [item] = next.splice(index, 1)
  next.splice(target, 0, item)
  return next
}

export function textAnswer(text: string): LearnerAnswer {
  return { text }
}

const FULL_WIDTH = /[\uff01-\uff5e]/g
const SPACES = /[\s\u3000]/g

/**
 * Reads a number as a Chinese learner may type it: full-width digits and
 * signs (１８．５), thousands separators (5,400 / 5，400) and a trailing
 * percent sign (18%) — stems ask for "the number part". Null when it is not a
 * number.
 */
export function parseNumber(text: string): number | null {
  const halfWidth = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。]/g, '.')
    .replace(/[−–—]/g, '-')
    .replace(SPACES, '')
    .replace(/%$/, '')
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(halfWidth) || !/\d/.test(halfWidth)) return null
  const value = Number(halfWidth.replace(/,/g, ''))
  return Number.isFinite(value) ? value : null
}

export function numericAnswer(text: string): LearnerAnswer | null {
  const value = parseNumber(text)
  return value === null ? null : { value }
}

/** Characters typed, not counting spaces and line breaks ("字数"). */
export function characterCount(text: string): number {
  return [...text.replace(SPACES, '')].length
}

/**
 * Whether the learner has given a complete answer: every blank filled, every
 * left item matched, some text written. A partial answer is still saved, but
 * counts as unanswered in the navigator and the hand-in warning.
 */
export function isAnswered(question: QuestionView, answer: LearnerAnswer | undefined): boolean {
  if (!answer) return false
  switch (question.type) {
    case 'single':
      return choiceOf(answer) !== null
    case 'multiple':
      return choicesOf(answer).length > 0
    case 'true_false':
      return booleanOf(answer) !== null
    case 'fill_blank':
      return blanksOf(answer, question.blankCount ?? 1).every((blank) => blank.trim() !== '')
    case 'matching': {
      const pairs = pairsOf(answer)
      return (question.left ?? []).every((_, i) => !!pairs[String(i)])
    }
    case 'ordering':
      return 'order' in answer
    case 'numeric':
      return numberOf(answer) !== null
    case 'short_answer':
      return textOf(answer).trim() !== ''
  }
}

/** Types answered with one click: in immediate mode their feedback shows at once. */
export function answersInOneStep(type: QuestionType): boolean {
  return type === 'single' || type === 'true_false'
}

/** Types whose input is typed text: saving waits until typing pauses. */
export function isTyped(type: QuestionType): boolean {
  return type === 'fill_blank' || type === 'numeric' || type === 'short_answer'
}

/** How many options the number keys can pick from (true/false has two). */
export function pickableCount(question: QuestionView): number {
  if (question.type === 'true_false') return 2
  if (question.type === 'single' || question.type === 'multiple') return Math.min(question.options?.length ?? 0, 9)
  return 0
}

/** The answer after pressing number key `index + 1`, or null when that key does nothing here. */
export function pickByIndex(question: QuestionView, answer: LearnerAnswer | undefined, index: number): LearnerAnswer | null {
  if (index < 0 || index >= pickableCount(question)) return null
  if (question.type === 'true_false') return trueFalseAnswer(index === 0)
  const key = question.options![index].key
  return question.type === 'single' ? singleAnswer(key) : toggleChoice(answer, key)
}

function byIndex(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)]
  return Number.isNaN(x) || Number.isNaN(y) ? a.localeCompare(b) : x - y
}
