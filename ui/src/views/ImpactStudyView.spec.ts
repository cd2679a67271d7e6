import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ImpactStudyView from './ImpactStudyView.vue'
import { mountScreen } from '../test/mount'
import { study as fixtureStudy } from '../test/fixtures'
import type { ImportPreview, StudyView } from '../api/impact'

const study: StudyView = fixtureStudy({
  metrics: [{ id: 'active_rate', name: '活跃率', unit: '%', direction: 'up', aggregation: 'mean', templateId: 'active_rate' }],
})

// Headers without a group column: the guess leaves it unmapped, which is allowed.
const preview: ImportPreview = {
  file: 'data.csv',
  headers: ['门店', '指标', '阶段', '数值'],
  suggested: { learner: 0, group: null, metric: 1, period: 2, value: null },
  rows: [{ line: 2, cells: ['训练01店', '活跃率', '培训前', '15'] }],
  totalRows: 1,
}

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}))
afterEach(() => clearMocks())

describe('ImpactStudyView import', () => {
  it('needs every required column mapped and sends the chosen mapping', async () => {
    const sent: [string, unknown][] = []
    mockIPC((cmd, args) => {
      sent.push([cmd, args])
      if (cmd === 'impact_get_study') return study
      if (cmd === 'plugin:dialog|open') return '/data/data.csv'
      if (cmd === 'impact_preview_import') return preview
      if (cmd === 'impact_import') return { file: 'data.csv', rowsRead: 1, valuesWritten: 1, valuesReplaced: 0, unitsAdded: 0 }
      return null
    })
    const { wrapper } = await mountScreen(ImpactStudyView, { props: { studyId: 's1' } }, '/teach/impact/s1')
    await flushPromises()
    await wrapper.get('[data-testid="import-panel"] button').trigger('click')
    await flushPromises()
    const run = () => wrapper.findAll('button').find((b) => b.text() === '导入')!
    expect(run().attributes('disabled')).toBeDefined()
    await wrapper.get('select[data-field="value"]').setValue('3')
    expect(run().attributes('disabled')).toBeUndefined()
    await run().trigger('click')
    await flushPromises()
    const call = sent.find(([cmd]) => cmd === 'impact_import')
    expect(call?.[1]).toEqual({ studyId: 's1', path: '/data/data.csv', mapping: { learner: 0, group: null, metric: 1, period: 2, value: 3 } })
  })
})
