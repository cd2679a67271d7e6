import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import GradingAnalyticsView from './GradingAnalyticsView.vue'
import { mountScreen } from '../test/mount'
import { course } from '../test/fixtures'
import { resetScreenState } from '../lib/screen'
import type { CriterionAgreement, CriterionDistribution, GraderStats } from '../api/gradingAnalytics'
import type { QueuePage } from '../api/tasks'

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
const agreement: CriterionAgreement[] = [
  { criterionId: 'audience', title: '目标人群', pairs: 6, exact_percent: 83.33333, adjacent_percent: 100, kappa_linear: 0.6666, kappa_quadratic: 0.6666, pairsBehind: [] },
  { criterionId: 'activities', title: '活动安排', pairs: 6, exact_percent: 83.33333, adjacent_percent: 100, kappa_linear: null, kappa_quadratic: null, pairsBehind: [] },
]
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
  it('draws one chart per criterion, each an image with its figures in words', async () => {
    backend()
    const wrapper = await open()
    const figures = wrapper.findAll('[data-testid="distribution"]')
    expect(figures).toHaveLength(2)
    const chart = figures[0].get('[role="img"]')
    expect(chart.attributes('aria-label')).toBe('柱状图：建群方案 · 目标人群 各档次人数')
    const summary = figures[0].get(`#${chart.attributes('aria-describedby')}`)
    expect(summary.text()).toBe('共 6 份成绩：未达标 2 份、达标 4 份。')
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
