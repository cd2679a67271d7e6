// A practice task, its rubric and a submission, shaped like the backend's
// task views, for the task and grading screen specs.
import type { GradingView, Rubric, TaskPage, TaskView, VersionView } from '../api/tasks'

export const welcomeRubric: Rubric = {
  id: 'rubric-welcome',
  title: '欢迎语评分标准',
  criterion: [
    {
      id: 'purpose',
      title: '定位清晰',
      level: [
        { points: 0, label: '未达标', descriptor: '看不出群是做什么的。' },
        { points: 2, label: '基本达标', descriptor: '说了群的用途，但没有说明成员能得到什么。' },
        { points: 4, label: '优秀', descriptor: '一句话说清群的用途和成员的收获。' },
      ],
    },
    {
      id: 'action',
      title: '行动引导',
      level: [
        { points: 0, label: '未达标', descriptor: '没有告诉新成员下一步做什么。' },
        { points: 3, label: '基本达标', descriptor: '有活动预告，但时间或参与方式不清楚。' },
        { points: 6, label: '优秀', descriptor: '活动时间、参与方式和第一步动作都写清了。' },
      ],
    },
  ],
}

export const welcomeTask: TaskView = {
  courseId: 'community-ops',
  id: 'task-welcome',
  module: 'm11-account-setup',
  title: '写一条新群欢迎语',
  instructionsHtml: '<p>为新建的社群写一条欢迎语：说明<strong>群的用途</strong>、两条群规和本周的第一个活动。</p>',
  attachmentTypes: ['png', 'pdf', 'docx'],
  maxAttachmentMb: 20,
  gradeMax: 100,
  allowResubmit: true,
  rubric: welcomeRubric,
}

export const welcomeVersion: VersionView = {
  id: 'v-1',
  learnerId: 'p-learner',
  taskId: 'task-welcome',
  number: 1,
  source: 'submission',
  markdown: '欢迎来到**麦田小屋**读书群！',
  html: '<p>欢迎来到<strong>麦田小屋</strong>读书群！</p>',
  attachments: [],
  submittedAt: '2026-03-01T01:00:00.000Z',
}

export const emptyTaskPage: TaskPage = { task: welcomeTask, draft: null, versions: [], canSubmit: true }

export const gradingScreen: GradingView = {
  task: welcomeTask,
  version: welcomeVersion,
  learnerName: '林小雨',
  myMark: null,
  doubleMarked: false,
  status: 'ungraded',
}
