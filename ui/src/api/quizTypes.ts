// Data shapes of the quiz commands (src-tauri/commands/quizzes.rs, issue 6).
// They mirror the Rust serde structs (camelCase on the wire, except the
// learner's answers, whose JSON is fixed by the scoring core); keep both sides
// in step when a field changes.
import type { MarksArriveBy } from './xapi'

export type QuestionType =
  | 'single'
  | 'multiple'
  | 'true_false'
  | 'fill_blank'
  | 'matching'
  | 'ordering'
  | 'numeric'
  | 'short_answer'

export type QuizPurpose = 'module' | 'pre_test' | 'post_test' | 'practice'

/** When the learner sees right answers: after each question, after handing in, or never. */
export type FeedbackMode = 'immediate' | 'after_submit' | 'never'

export type AttemptStatus = 'in_progress' | 'submitted' | 'expired'

/**
 * A learner's answer to one question, exactly as the scoring core reads it.
 * Option, right-side and item keys are the ORIGINAL indexes as strings, so an
 * answer means the same whatever order the options were shown in.
 */
export type LearnerAnswer =
  | { choice: string }
  | { choices: string[] }
  | { value: boolean }
  | { blanks: string[] }
  | { pairs: Record<string, string> }
  | { order: string[] }
  | { value: number }
  | { text: string }

export interface QuizOverview {
  quizId: string
  title: string
  purpose: QuizPurpose
  questionCount: number
  /** Null when the quiz has no time limit. */
  timeLimitSeconds: number | null
  /** 0 = unlimited. */
  maxAttempts: number
  /** Fraction of the maximum score needed to pass, 0..1. */
  passMark: number
  feedbackMode: FeedbackMode
  attempts: AttemptSummary[]
  /** The attempt still running, which "continue" resumes. */
  openAttemptId: string | null
  canStart: boolean
  mastered: boolean
}

export interface AttemptSummary {
  attemptId: string
  /** 1-based attempt number for this learner and quiz. */
  number: number
  status: AttemptStatus
  /** ISO 8601. */
  startedAt: string
  submittedAt: string | null
  /** 0..100, null while the attempt runs. */
  percent: number | null
  /** Null while running or while short answers await grading. */
  passed: boolean | null
}

/** One quiz attached to a module, for the module page's panel. */
export interface ModuleQuiz {
  quizId: string
  title: string
  passed: boolean
  bestPercent: number | null
  /**
   * Not in the contract yet: true while an attempt is open, so the button can
   * say "continue". Treated as false when absent.
   */
  inProgress?: boolean
}

/** A choice option, shown in the attempt's shuffled order. */
export interface QuestionOption {
  key: string
  /** Sanitised by the backend; safe for v-html. */
  html: string
}

export interface KeyedText {
  key: string
  text: string
}

/** A question as the learner sees it: never contains the answer. */
export interface QuestionView {
  id: string
  type: QuestionType
  /** Sanitised by the backend; a fill_blank stem marks each blank with `____`. */
  stemHtml: string
  points: number
  /** single / multiple, shuffled. */
  options?: QuestionOption[]
  /** matching: the left items, in their original order (their index is the pair key). */
  left?: string[]
  /** matching: the right-hand choices, shuffled. */
  right?: KeyedText[]
  /** ordering: the items, shuffled. */
  items?: KeyedText[]
  /** fill_blank: how many blanks the stem has. */
  blankCount?: number
}

export interface ItemFeedback {
  /** Null when the answer needs a person to grade it (short answer). */
  correct: boolean | null
  score: number
  maxScore: number
  /** Messages for the options the learner chose. */
  optionFeedback: string[]
  /** Sanitised by the backend; may be empty. */
  explanationHtml: string
  /** Human-readable; empty when there is none to show. */
  correctAnswer: string
}

export interface AttemptView {
  attemptId: string
  quizId: string
  courseId: string
  title: string
  number: number
  status: AttemptStatus
  feedbackMode: FeedbackMode
  timeLimitSeconds: number | null
  /** Seconds left when the backend answered; it keeps running across restarts. */
  remainingSeconds: number | null
  passMark: number
  questions: QuestionView[]
  /** Saved answers by question id. */
  answers: Record<string, LearnerAnswer>
  /** Immediate mode only: feedback for the answered questions. */
  feedback: Record<string, ItemFeedback>
}

export interface SaveAnswerResult {
  remainingSeconds: number | null
  feedback: ItemFeedback | null
}

export interface ResultItem {
  questionId: string
  stemHtml: string
  type: QuestionType
  /** Human-readable; empty when the question was left unanswered. */
  yourAnswer: string
  /** Null in "never" mode. */
  feedback: ItemFeedback | null
}

export interface AttemptResult {
  attemptId: string
  quizId: string
  courseId: string
  title: string
  number: number
  percent: number
  score: number
  maxScore: number
  /** Null while short answers await grading. */
  passed: boolean | null
  /** How many answers wait for an instructor. */
  pendingManual: number
  /** How those marks reach this machine: a grades bundle from the instructor, or the company's LRS. */
  marksArriveBy: MarksArriveBy
  /** Null when attempts are unlimited. */
  attemptsLeft: number | null
  items: ResultItem[]
}

export interface ReviewCard {
  questionId: string
  courseId: string
  question: QuestionView
  /** ISO 8601. */
  dueAt: string
}

export interface ReviewQueue {
  due: ReviewCard[]
  dueCount: number
  /** ISO 8601: when the next card not yet due falls due; null when none is scheduled. */
  nextDueAt: string | null
}

export interface ReviewAnswerResult {
  feedback: ItemFeedback
  /** ISO 8601: when this question comes back. */
  nextDueAt: string
}
