import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import { convertDone } from '../../test/authorFixtures'
import ConvertReportPanel from './ConvertReportPanel.vue'

function panel(report = convertDone) {
  return mount(ConvertReportPanel, { props: { report, overwrite: false }, global: { plugins: [createAppI18n('zh-CN')] } })
}

describe('ConvertReportPanel', () => {
  it('lists the files by what happened to them and leaves out empty groups', () => {
    const wrapper = panel({
      ...convertDone,
      removed: ['courses/store-training/modules/m-1a2b3c4d.md'],
      overwritten: [],
    })
    expect(wrapper.find('[data-testid="convert-files-overwritten"]').exists()).toBe(false)
    const removed = wrapper.get('[data-testid="convert-files-removed"]')
    expect(removed.get('summary').text()).toBe('删除的文件（1）：文档里已没有这些内容')
    expect(removed.text()).toContain('m-1a2b3c4d.md')
    expect(wrapper.get('[data-testid="convert-files-written"]').text()).toContain(convertDone.written[0])
  })

  it('works with a report from a backend that does not send the newer lists', () => {
    const { removed: _r, overwritten: _o, ...older } = { ...convertDone, removed: [], overwritten: [] }
    expect(panel(older).find('[data-testid="convert-files-removed"]').exists()).toBe(false)
  })
})
