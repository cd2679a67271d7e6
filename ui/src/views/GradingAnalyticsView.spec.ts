import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import GradingAnalyticsView from './GradingAnalyticsView.vue'
import { mountScreen } from '../test/mount'
import { course } from '../test/fixtures'
import { resetScreenState } from '../lib/screen'
import type { CriterionAgreement, CriterionDistribution, GraderStats, MarkPair } from '../api/gradingAnalytics'
import type { QueuePage, TaskPage } from '../api/tasks'
import { welcomeTask } from '../test/taskFixtures'

const queue: QueuePage = {
  rows: [],
  total: 0,
  offset: 0,
  limit: 1,
  statusCounts: {},
  tasks: [
    { id: 'task-welcome', title: '写一条新群欢迎语', doubleMarked: false, versions: 4 },
    { id: 'task-plan', title: '建群方案', doubleMarked: true, versions: 6 },
  ],
}
const distributions: CriterionDistribution[] = [
  { taskId: 'task-plan', criterionId: 'audience', title: '目标人群', labels: ['未达标', '达标'], counts: [2, 4] },
  { taskId: 'task-plan', criterionId: 'activities', title: '活动安排', labels: ['未达标', '达标'], counts: [3, 3] },
]
/** Six double-marked submissions, 王老师 first and 李老师 second; `levels` are the two levels of each. */
function pairs(levels: [number, number][]): MarkPair[] {
  const learners = ['林小雨', '王小丽', '李明', '张伟', '赵敏', '']
  return levels.map(([firstLevel, secondLevel], i) => ({
    versionId: `v-${i + 1}`,
    learnerName: learners[i],
    firstMarker: '王老师',
    secondMarker: '李老师',
    firstLevel,
    secondLevel,
  }))
}
const agreement: CriterionAgreement[] = [
  { criterionId: 'audience', title: '目标人群', pairs: 6, exact_percent: 83.33333, adjacent_percent: 100, kappa_linear: 0.6666, kappa_quadratic: 0.6666,
    pairsBehind: pairs([[1, 1], [1, 1], [0, 0], [1, 0], [0, 0], [1, 1]]) },
  { criterionId: 'activities', title: '活动安排', pairs: 6, exact_percent: 83.33333, adjacent_percent: 100, kappa_linear: null, kappa_quadratic: null,
    pairsBehind: pairs([[1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]]) },
]
// The task's rubric names the levels; a level the rubric lacks is numbered.
const planPage: TaskPage = {
  task: {
    ...welcomeTask,
    id: 'task-plan',
    title: '建群方案',
    rubric: {
      id: 'rubric-plan',
      title: '建群方案评分标准',
      criterion: [
        { id: 'audience', title: '目标人群', level: [{ points: 0, label: '未达标', descriptor: '' }, { points: 5, label: '达标', descriptor: '' }] },
        { id: 'activities', title: '活动安排', level: [] },
      ],
    },
  },
  draft: null,
  versions: [],
  canSubmit: true,
}
const graders: GraderStats[] = [
  { markerId: 'wang', markerName: '王老师', grades: { n: 6, mean: 72.5, sd: 12.25, min: 50, max: 100 } },
]

let calls: [string, Record<string, unknown>][] = []

function backend(overrides: { agreement?: CriterionAgreement[]; distributions?: CriterionDistribution[] } = {}): void {
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'list_courses') return [course]
    if (cmd === 'grading_queue') return queue
    if (cmd === 'grading_distributions') return overrides.distributions ?? distributions
    if (cmd === 'grading_grader_stats') return graders
    if (cmd === 'grading_agreement') return overrides.agreement ?? agreement
    if (cmd === 'task_page') return planPage
    if (cmd === 'plugin:dialog|save') return '/home/teacher/成绩表.xlsx'
    if (cmd === 'grading_export_table') return 6
    return null
  })
}

async function open(): Promise<VueWrapper> {
  const { wrapper } = await mountScreen(GradingAnalyticsView, {}, '/teach/analytics')
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  resetScreenState()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('GradingAnalyticsView', () => {
  it('draws one chart per criterion, each an image with its figures in words and as a table', async () => {
    backend()
    const wrapper = await open()
    const figures = wrapper.findAll('[data-testid="distribution"]')
    expect(figures).toHaveLength(2)
    const chart = figures[0].get('[role="img"]')
    expect(chart.attributes('aria-label')).toBe('柱状图：建群方案 · 目标人群 各档次人数')
    const summary = figures[0].get(`#${chart.attributes('aria-describedby')}`)
    expect(summary.text()).toBe('共 6 份成绩：未达标 2 份、达标 4 份。')
    // The same figures as a table, for screen readers only.
    const table = figures[0].get('[data-testid="chart-table"]')
    expect(table.classes()).toContain('visually-hidden')
    expect(table.get('caption').text()).toBe('柱状图：建群方案 · 目标人群 各档次人数')
    expect(table.findAll('th[scope="col"]').map((th) => th.text())).toEqual(['档次', '成绩份数'])
    expect(table.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((cell) => cell.text()))).toEqual([
      ['未达标', '2'],
      ['达标', '4'],
    ])
  })

  it('shows agreement for the double-marked task first, with the pairs behind each figure', async () => {
    backend()
    const wrapper = await open()
    expect(calls).toContainEqual(['grading_agreement', { courseId: course.id, taskId: 'task-plan' }])
    const row = wrapper.get('[data-testid="agreement-table"] tr[data-criterion="audience"]')
    expect(row.get('[data-figure="pairs"]').text()).toBe('6')
    expect(row.get('[data-figure="exact"]').text()).toBe('83.3%')
    expect(row.get('[data-figure="adjacent"]').text()).toBe('100%')
    expect(row.get('[data-figure="kappa-quadratic"]').text()).toBe('0.67')
    // Kappa is undefined when both markers used one level throughout.
    expect(wrapper.get('tr[data-criterion="activities"] [data-figure="kappa-linear"]').text()).toBe('—')

    await wrapper.get('[data-testid="agreement-task"]').setValue('task-welcome')
    await flushPromises()
    expect(calls).toContainEqual(['grading_agreement', { courseId: course.id, taskId: 'task-welcome' }])
  })

  it('lists the pairs of marks behind each criterion, folded behind a summary with the count', async () => {
    backend()
    const wrapper = await open()
    expect(calls).toContainEqual(['task_page', { courseId: course.id, taskId: 'task-plan' }])
    const folded = wrapper.findAll('[data-testid="agreement-pairs"]')
    expect(folded.map((d) => d.element.tagName)).toEqual(['DETAILS', 'DETAILS'])
    expect(folded.every((d) => !(d.element as HTMLDetailsElement).open)).toBe(true)
    const audience = wrapper.get('[data-testid="agreement-pairs"][data-criterion="audience"]')
    expect(audience.get('summary').text()).toBe('目标人群：6 份双评')

    const rows = audience.findAll('[data-testid="agreement-pair"]')
    expect(rows).toHaveLength(6)
    const cells = (i: number) => rows[i].findAll('th, td').map((c) => c.text())
    expect(cells(0)).toEqual(['林小雨', '王老师：达标', '李老师：达标', '一致'])
    expect(cells(3)).toEqual(['张伟', '王老师：达标', '李老师：未达标', '不一致（相差 1 档）'])
    expect(rows.map((r) => r.attributes('data-agree'))).toEqual(['true', 'true', 'true', 'false', 'true', 'true'])
    // A learner whose profile is gone, still counted.
    expect(cells(5)[0]).toBe('（学员未知）')
    // The same number of agreeing pairs as the exact figure says: 5 of 6.
    expect(rows.filter((r) => r.attributes('data-agree') === 'true')).toHaveLength(5)
    // Levels the rubric does not name are numbered from 1.
    const activities = wrapper.get('[data-testid="agreement-pairs"][data-criterion="activities"] [data-testid="agreement-pair"]')
    expect(activities.findAll('td').map((c) => c.text())).toEqual(['王老师：第 2 档', '李老师：第 2 档', '一致'])
  })

  it('still lists the pairs, levels numbered, when the rubric cannot be read', async () => {
    mockIPC((cmd) => {
      if (cmd === 'list_courses') return [course]
      if (cmd === 'grading_queue') return queue
      if (cmd === 'grading_distributions') return distributions
      if (cmd === 'grading_grader_stats') return graders
      if (cmd === 'grading_agreement') return agreement
      if (cmd === 'task_page') return Promise.reject({ kind: 'not_found', message: 'task-plan not found' })
      return null
    })
    const wrapper = await open()
    expect(wrapper.find('[data-testid="agreement-table"]').exists()).toBe(true)
    const first = wrapper.get('[data-criterion="audience"] [data-testid="agreement-pair"]')
    expect(first.findAll('td').map((c) => c.text())).toEqual(['王老师：第 2 档', '李老师：第 2 档', '一致'])
  })

  it('says so when no submission has two complete marks', async () => {
    backend({ agreement: agreement.map((c) => ({ ...c, pairs: 0, exact_percent: 0, adjacent_percent: 0, kappa_linear: null, kappa_quadratic: null, pairsBehind: [] })) })
    const wrapper = await open()
    expect(wrapper.find('[data-testid="agreement-table"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="agreement-none"]').text()).toBe('这个作业还没有两位老师都完成评分的提交。')
  })

  it('lists each marker’s figures', async () => {
    backend()
    const wrapper = await open()
    expect(wrapper.get('[data-testid="grader-row"]').findAll('th, td').map((c) => c.text())).toEqual(['王老师', '6', '72.5', '12.3', '50', '100'])
  })

  it('exports the gradebook to the path chosen in the save dialog', async () => {
    backend()
    const wrapper = await open()
    await wrapper.get('[data-testid="export-xlsx"]').trigger('click')
    await flushPromises()
    const dialog = calls.find(([cmd]) => cmd === 'plugin:dialog|save')?.[1] as { options: { defaultPath: string } }
    expect(dialog.options.defaultPath).toBe(`成绩表-${course.id}.xlsx`)
    expect(calls).toContainEqual(['grading_export_table', { courseId: course.id, path: '/home/teacher/成绩表.xlsx' }])
  })
})
