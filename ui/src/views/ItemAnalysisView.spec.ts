import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ItemAnalysisView from './ItemAnalysisView.vue'
import { mountScreen } from '../test/mount'
import { resetScreenState } from '../lib/screen'
import type { ItemAnalysis, ItemRow } from '../api/marking'

function item(questionId: string, facility: number | null, discrimination: number | null): ItemRow {
  return { questionId, type: 'single', stem: `题目 ${questionId}`, n: 20, facility, discrimination, options: [] }
}

const analysis: ItemAnalysis = {
  courseId: 'community-ops',
  quizId: 'quiz-m01',
  quizTitle: '第一课小测',
  attempts: 20,
  items: [item('q1', 0.65, 0.45), item('q2', 0.2, 0.3), item('q3', 0.7, 0.05), item('q4', null, null)],
}

let calls: [string, Record<string, unknown>][] = []

beforeEach(() => {
  resetScreenState()
  vi.spyOn(console, 'error').mockImplementation(() => {})
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'item_analysis') return analysis
    if (cmd === 'plugin:dialog|save') return '/home/teacher/quiz-m01.csv'
    return null
  })
})
afterEach(() => clearMocks())

const open = async () => {
  const { wrapper } = await mountScreen(ItemAnalysisView, { props: { courseId: 'community-ops', quizId: 'quiz-m01' } })
  await flushPromises()
  return wrapper
}

describe('ItemAnalysisView', () => {
  it('plots facility against discrimination beside the table, naming the questions worth a look', async () => {
    const wrapper = await open()
    const chart = wrapper.get('[data-testid="item-scatter"] [role="img"]')
    expect(chart.attributes('aria-label')).toBe('散点图：每道题的难度（横轴）与区分度（纵轴）')
    const summary = wrapper.get(`#${chart.attributes('aria-describedby')}`).text()
    // q4 has no figures yet, so three points; q2 is hard, q3 separates weakly.
    expect(summary).toContain('图中共 3 道题')
    expect(summary).toContain('q2、q3')
    expect(summary).not.toContain('q1')
    expect(wrapper.findAll('[data-testid="item-table"] tbody tr')).toHaveLength(4)
  })

  it('exports to the path chosen in the save dialog', async () => {
    const wrapper = await open()
    await wrapper.get('[data-testid="export-csv"]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual(['export_item_analysis', { courseId: 'community-ops', quizId: 'quiz-m01', path: '/home/teacher/quiz-m01.csv' }])
  })
})
