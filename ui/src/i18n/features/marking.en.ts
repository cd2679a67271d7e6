// The instructor's quiz tools: grading short answers and item analysis.
import type marking from './marking.zh-CN'

const en: typeof marking = {
  queue: {
    title: 'Short answers to grade',
    allCourses: 'All courses',
    intro: 'After learners hand in, their short answers wait here for a score. The result updates at once and the learner sees your comment.',
    emptyTitle: 'No short answers waiting',
    emptyHint: 'New short answers appear here when learners hand in.',
    count: '{count} waiting',
    learner: 'Learner',
    quiz: 'Quiz',
    savedAt: 'Submitted {date}',
    question: 'Question',
    reference: 'Model answer (instructors only)',
    answer: "The learner's answer",
    noAnswer: '(no answer)',
    score: 'Score (out of {max})',
    scoreInvalid: 'Enter a score from 0 to {max}; half points are fine.',
    comment: 'Comment for the learner (optional)',
    commentPlaceholder: 'E.g. Clear reasoning, but the goal needs a number.',
    submit: 'Save score',
    saving: 'Saving…',
    graded: '{learner} graded: {percent}% on this attempt.',
    gradedPending: '{learner} graded; {count} more answers of this attempt are waiting.',
  },
  analysis: {
    title: 'Item analysis: {quiz}',
    intro: 'From every handed-in attempt. Facility is the share of points earned; discrimination is the correlation between the item and the rest of the test (point-biserial).',
    attempts: '{count} attempts',
    noAttempts: 'Nobody has handed this quiz in yet.',
    question: 'Question',
    type: 'Type',
    n: 'Responses',
    facility: 'Facility',
    discrimination: 'Discrimination',
    options: 'Options chosen',
    correctOption: 'Correct option',
    exported: 'Exported to {path}',
    tableCaption: '{quiz}: facility, discrimination and option choices per question',
    chart: {
      caption: 'Each point is a question: further right is easier, higher up separates stronger from weaker learners better. The useful facility range lies between the dashed lines; below the horizontal dashed line discrimination is weak.',
      label: 'Scatter chart: facility (across) against discrimination (up) per question',
      summary: '{count} questions are plotted; the table below has every figure. Questions worth a look (facility outside the useful range or weak discrimination): {flagged}.',
      nothingFlagged: 'none',
    },
    notAvailable: '—',
    facilityBand: {
      hard: 'hard',
      good: 'good',
      easy: 'easy',
    },
    discriminationBand: {
      negative: 'negative — check the key',
      weak: 'weak — consider revising',
      fair: 'fair',
      good: 'good',
    },
  },
}

export default en
