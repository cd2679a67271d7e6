// Checking an answer in the author preview, where there is no attempt and no
// backend scoring: the same rules as the scoring core (crates/core/src/quiz/
// score.rs, docs/pack-format.md), one small function per question type,
// applied to the question as the pack writes it. A malformed answer is simply
// wrong, as there.
import type { PackQuestion } from '../../api/author'
import type { ItemFeedback, LearnerAnswer } from '../../api/quizTypes'
import { blanksOf, booleanOf, choiceOf, choicesOf, numberOf, pairsOf } from './answers'

export interface Check {
  /** Share of the points earned, 0..1. */
  fraction: number
  /** Fully right; null when a person grades it (short answer). */
  correct: boolean | null
}

const WRONG: Check = { fraction: 0, correct: false }

function allOrNothing(right: boolean): Check {
  return { fraction: right ? 1 : 0, correct: right }
}

/** The index a key names, when it names one of `count` entries ("2" → 2). */
function indexOf(key: string, count: number): number | null {
  if (!/^\d+$/.test(key)) return null
  const index = Number(key)
  return index < count ? index : null
}

// Written as escapes: this is input folding, not interface text (see i18n/hardcoded.spec.ts).
// 。｡ → .   、､ → ,   “”「」 → "   ‘’『』 → '   【】 → []   《〈 → <   》〉 → >   ￥ → ¥
const CJK_PUNCTUATION: Record<string, string> = {
  '\u3002': '.', '\uff61': '.', '\u3001': ',', '\uff64': ',',
  '\u201c': '"', '\u201d': '"', '\u300c': '"', '\u300d': '"',
  '\u2018': "'", '\u2019': "'", '\u300e': "'", '\u300f': "'",
  '\u3010': '[', '\u3011': ']', '\u300a': '<', '\u3008': '<', '\u300b': '>', '\u3009': '>', '\uffe5': '\u00a5',
}

/**
 * Folds a blank for comparison as the scoring core does (quiz/normalise.rs):
 * full-width ASCII and common CJK punctuation to ASCII, no whitespace, lower case.
 */
export function normaliseBlank(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0)!
      if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0)
      return CJK_PUNCTUATION[c] ?? c
    })
    .filter((c) => !/\s/u.test(c))
    .join('')
    .toLowerCase()
}

export function checkSingle(question: PackQuestion, answer: LearnerAnswer): Check {
  const key = choiceOf(answer)
  const chosen = key === null ? null : indexOf(key, question.options?.length ?? 0)
  return allOrNothing(chosen !== null && chosen === question.answer)
}

/** Each right option chosen earns 1/#right, each wrong one costs as much, never below 0. */
export function checkMultiple(question: PackQuestion, answer: LearnerAnswer): Check {
  if (!('choices' in answer)) return WRONG
  const right = new Set(question.answers ?? [])
  if (right.size === 0) return WRONG
  const count = question.options?.length ?? 0
  const chosen = new Set(choicesOf(answer).map((key) => indexOf(key, count)).filter((i): i is number => i !== null))
  const hits = [...chosen].filter((i) => right.has(i)).length
  const misses = chosen.size - hits
  return { fraction: Math.max((hits - misses) / right.size, 0), correct: hits === right.size && misses === 0 }
}

export function checkTrueFalse(question: PackQuestion, answer: LearnerAnswer): Check {
  const given = booleanOf(answer)
  return allOrNothing(given !== null && given === question.answer)
}

/** Each blank is worth its share: all of it for an accepted answer, a part for its best partial answer. */
export function checkFillBlank(question: PackQuestion, answer: LearnerAnswer): Check {
  const blanks = question.blanks ?? []
  if (!('blanks' in answer) || blanks.length === 0) return WRONG
  const credits = blanksOf(answer, blanks.length).map((typed, i) => {
    const given = normaliseBlank(typed)
    if (!given) return 0
    if (blanks[i].some((accepted) => normaliseBlank(accepted) === given)) return 1
    const partial = (question.partial_blanks?.[i] ?? []).filter((p) => normaliseBlank(p.answer) === given)
    return Math.max(0, ...partial.map((p) => Math.min(Math.max(p.percent / 100, 0), 1)))
  })
  const sum = credits.reduce((total, credit) => total + credit, 0)
  return { fraction: sum / blanks.length, correct: credits.every((credit) => credit >= 1) }
}

/** Left item i is right when matched with right-hand side i (distractors have keys past the pairs). */
export function checkMatching(question: PackQuestion, answer: LearnerAnswer): Check {
  const count = question.pairs?.length ?? 0
  if (!('pairs' in answer) || count === 0) return WRONG
  const right = Object.entries(pairsOf(answer)).filter(([left, side]) => {
    const index = indexOf(left, count)
    return index !== null && index === indexOf(side, count)
  }).length
  return { fraction: right / count, correct: right === count }
}

/** Position p is right when it holds item p. */
export function checkOrdering(question: PackQuestion, answer: LearnerAnswer): Check {
  const count = question.items?.length ?? 0
  if (!('order' in answer) || count === 0) return WRONG
  const right = answer.order.slice(0, count).filter((key, position) => indexOf(key, count) === position).length
  return { fraction: right / count, correct: right === count }
}

/** Right within the tolerance, both ends included, allowing for binary rounding (0.4 is within 0.1 of 0.3). */
export function checkNumeric(question: PackQuestion, answer: LearnerAnswer): Check {
  const given = numberOf(answer)
  const expected = question.answer
  const tolerance = Math.max(question.tolerance ?? 0, 0)
  if (given === null || typeof expected !== 'number' || ![given, expected, tolerance].every(Number.isFinite)) return WRONG
  const slack = 1e-9 * Math.max(Math.abs(expected), tolerance, 1)
  return allOrNothing(Math.abs(given - expected) <= tolerance + slack)
}

const CHECKS: Record<Exclude<PackQuestion['type'], 'short_answer'>, (q: PackQuestion, a: LearnerAnswer) => Check> = {
  single: checkSingle,
  multiple: checkMultiple,
  true_false: checkTrueFalse,
  fill_blank: checkFillBlank,
  matching: checkMatching,
  ordering: checkOrdering,
  numeric: checkNumeric,
}

/** Checks `answer`; no answer is wrong, and a short answer waits for a person. */
export function checkAnswer(question: PackQuestion, answer: LearnerAnswer | undefined): Check {
  if (question.type === 'short_answer') return { fraction: 0, correct: null }
  return answer ? CHECKS[question.type](question, answer) : WRONG
}

/** The messages of the chosen options that have one, in option order. */
export function chosenFeedback(question: PackQuestion, answer: LearnerAnswer | undefined): string[] {
  if (!answer || (question.type !== 'single' && question.type !== 'multiple')) return []
  const count = question.options?.length ?? 0
  const keys = question.type === 'single' ? [choiceOf(answer)] : choicesOf(answer)
  const chosen = new Set(keys.map((key) => (key === null ? null : indexOf(key, count))))
  return (question.feedback ?? []).filter((message, index) => chosen.has(index) && message.trim() !== '')
}

/**
 * The feedback panel's content for a checked answer, as the backend would
 * send it in an attempt. The right answer is left out: the preview shows it
 * in full with 显示答案.
 */
export function previewFeedback(question: PackQuestion, answer: LearnerAnswer | undefined, explanationHtml: string): ItemFeedback {
  const { fraction, correct } = checkAnswer(question, answer)
  const maxScore = question.points
  return {
    correct,
    score: Math.min(Math.max(fraction * maxScore, 0), maxScore),
    maxScore,
    optionFeedback: chosenFeedback(question, answer),
    explanationHtml,
    correctAnswer: '',
  }
}
