// The question navigator's state: which questions are answered, which is
// current, and what is still missing before handing in.
import type { ItemFeedback, LearnerAnswer, QuestionView } from '../../api/quizTypes'
import { isAnswered } from './answers'

export interface NavigatorItem {
  questionId: string
  /** 1-based, as learners count. */
  number: number
  answered: boolean
  current: boolean
  /** Immediate mode, once feedback is shown: right, wrong, or waiting for a grader (null). */
  outcome: 'correct' | 'partial' | 'incorrect' | 'pending' | null
}

export function navigatorItems(
  questions: readonly QuestionView[],
  answers: Readonly<Record<string, LearnerAnswer>>,
  currentIndex: number,
  shownFeedback: Readonly<Record<string, ItemFeedback>> = {},
): NavigatorItem[] {
  return questions.map((question, index) => ({
    questionId: question.id,
    number: index + 1,
    answered: isAnswered(question, answers[question.id]),
    current: index === currentIndex,
    outcome: outcomeOf(shownFeedback[question.id]),
  }))
}

/** How a piece of feedback reads at a glance. */
export function outcomeOf(feedback: ItemFeedback | undefined | null): NavigatorItem['outcome'] {
  if (!feedback) return null
  if (feedback.correct === null) return 'pending'
  if (feedback.correct) return 'correct'
  return feedback.score > 0 ? 'partial' : 'incorrect'
}

export function answeredCount(questions: readonly QuestionView[], answers: Readonly<Record<string, LearnerAnswer>>): number {
  return questions.filter((q) => isAnswered(q, answers[q.id])).length
}

/** 1-based numbers of the questions without a complete answer. */
export function unansweredNumbers(questions: readonly QuestionView[], answers: Readonly<Record<string, LearnerAnswer>>): number[] {
  return questions.flatMap((q, index) => (isAnswered(q, answers[q.id]) ? [] : [index + 1]))
}

/** A question index kept inside 0..count-1. */
export function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0
  return Math.min(Math.max(index, 0), count - 1)
}

/** Where a resumed attempt opens: the first question not yet answered, else the first. */
export function resumeIndex(questions: readonly QuestionView[], answers: Readonly<Record<string, LearnerAnswer>>): number {
  const index = questions.findIndex((q) => !isAnswered(q, answers[q.id]))
  return index < 0 ? 0 : index
}
