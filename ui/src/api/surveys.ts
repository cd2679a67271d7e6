// The learner's side of the reaction survey (the first level of the
// training-effect report): the course's surveys with the active profile's
// earlier answers, and submitting answers. The respondent is always the
// active profile; the backend checks every rating against the item's scale.
import { call } from './client'

export interface SurveyItem {
  id: string
  type: 'likert' | 'text'
  /** Likert only: the number of points (2 … 10); 5 when absent. */
  scale?: number
  prompt: string
}

export interface SurveyAnswer {
  itemId: string
  rating?: number | null
  text?: string | null
}

export interface SurveyForm {
  courseId: string
  id: string
  title: string
  items: SurveyItem[]
  answers: SurveyAnswer[]
  /** When the active profile last submitted it; null before the first time. */
  submittedAt: string | null
}

export const surveyForms = (courseId: string) => call<SurveyForm[]>('survey_forms', { courseId })
/** Saves the answers (replacing earlier ones); resolves to how many were kept. */
export const submitSurvey = (courseId: string, surveyId: string, answers: SurveyAnswer[]) =>
  call<number>('submit_survey', { courseId, surveyId, answers })

/** The scale of a Likert item (the pack format's default is 5). */
export const scaleOf = (item: SurveyItem): number => item.scale ?? 5
