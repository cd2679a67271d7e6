// The teaching desk for instructors and admins.
import type teach from './teach.zh-CN'

const en: typeof teach = {
  nav: 'Teaching',
  title: 'Teaching desk',
  intro: 'Instructors and admins grade tasks and short answers, check question quality and measure the training effect here. Learner profiles do not see these tools, and the backend refuses them.',
  tasks: 'Task grading',
  tasksHint: 'Filter submitted practical tasks by course, task and status; grade against the rubric with comments, double marking and moderation.',
  shortAnswers: 'Short answers',
  shortAnswersHint: 'Short answers wait here after hand-in; each score counts towards the quiz result at once.',
  impact: 'Training impact',
  impactHint: 'Set up a study, import business data from before and after, and build the four-level effect report.',
  analysis: 'Item analysis',
  analysisHint: 'On any quiz page choose “Item analysis” for each question’s facility, discrimination and option counts, with CSV or Excel export.',
  analysisLink: 'Item analysis',
}

export default en
