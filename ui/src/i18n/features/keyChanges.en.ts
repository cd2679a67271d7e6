// Corrected answer keys and regrading the attempts they affect.
import type zhCN from './keyChanges.zh-CN'

const en: typeof zhCN = {
  nav: 'Corrected keys and regrading',
  hubHint: 'When a course update changes a question’s answer, handed-in scores stay as they were; see whose scores the new key would change, and by how much, then regrade.',
  title: 'Corrected keys and regrading',
  intro: 'When a course update changes a question’s answer, points or options, quizzes already handed in keep the score they were given. Each question with a changed key is listed below with the attempts the new key scores differently; nothing changes until you regrade, and the LRS then receives the corrected results.',
  emptyTitle: 'No answer key has changed',
  emptyHint: 'No update of this course changed a question’s answer.',
  changed: 'Question {question}: its key changed when the course went from v{from} to v{to} ({date})',
  regraded: 'Regraded by {name} on {date}.',
  affected: 'Scored with the new key, {count} attempts change:',
  noneAffected: 'Scored with the new key, no attempt changes.',
  learner: 'Learner',
  quiz: 'Quiz',
  answer: 'This question',
  score: 'Quiz score',
  result: 'Passed',
  attempt: '{quiz} (attempt {number})',
  fromTo: '{before} → {after} (of {max})',
  passed: 'passed',
  failed: 'not passed',
  pending: 'awaiting marking',
  regrade: 'Regrade with the new key ({count} attempts)',
  confirmTitle: 'Regrade?',
  confirmBody: 'This rescores this question, the quiz total and the pass of these {count} attempts with the new key, and sends the corrected results to the LRS. Your name and the time are recorded.',
  confirm: 'Regrade {count} attempts',
  regrading: 'Regrading…',
  reportTitle: '{count} attempts regraded',
}

export default en
