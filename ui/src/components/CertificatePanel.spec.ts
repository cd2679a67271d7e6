import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import CertificatePanel from './CertificatePanel.vue'
import { mountScreen } from '../test/mount'

const base = { courseId: 'c1', courseTitle: '社群运营实战', modulesToComplete: [], quizzesToPass: [], tasksToReach: [], surveysToAnswer: [], certificate: null }

function backend(status: object) {
  mockIPC((cmd) => (cmd === 'certificate_status' ? status : null))
}

afterEach(() => clearMocks())

describe('CertificatePanel', () => {
  it('offers both exports when the course is completed and passed, with the code once issued', async () => {
    backend({
      ...base,
      eligible: true,
      certificate: {
        code: 'QX-ABCD-EFGH-JKMN-PQRS',
        profileId: 'p1',
        courseId: 'c1',
        courseVersion: '1.0.0',
        courseTitle: '社群运营实战',
        learnerName: '小王',
        issuedOn: '2026-12-01',
        issuedAt: '2026-12-01T08:00:00Z',
      },
    })
    const { wrapper } = await mountScreen(CertificatePanel, { props: { courseId: 'c1' } })
    await flushPromises()
    expect(wrapper.get('[data-testid="certificate-export-pdf"]').text()).toBe('导出 PDF 证书')
    expect(wrapper.find('[data-testid="certificate-export-badge"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="certificate-code"]').text()).toContain('QX-ABCD-EFGH-JKMN-PQRS')
  })

  it('says what is left when a quiz is not passed yet', async () => {
    backend({ ...base, eligible: false, quizzesToPass: [{ id: 'q1', title: '模块测验' }] })
    const { wrapper } = await mountScreen(CertificatePanel, { props: { courseId: 'c1' } })
    await flushPromises()
    expect(wrapper.find('[data-testid="certificate-export-pdf"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('还差：0 个模块、1 个测验')
  })

  it("lists what the course's completion rule still asks: a task's level and a survey", async () => {
    backend({
      ...base,
      eligible: false,
      tasksToReach: [
        { id: 't1', title: '写一条新群欢迎语', minPercent: 60, bestPercent: 50 },
        { id: 't2', title: '活动方案', minPercent: 70, bestPercent: null },
      ],
      surveysToAnswer: [{ id: 's1', title: '课后反馈' }],
    })
    const { wrapper } = await mountScreen(CertificatePanel, { props: { courseId: 'c1' } })
    await flushPromises()
    const items = wrapper.findAll('[data-testid="certificate-rule"] li').map((li) => li.text())
    expect(items).toEqual([
      '实操作业「写一条新群欢迎语」的成绩需达到 60%（目前：50%）',
      '实操作业「活动方案」的成绩需达到 70%（目前：尚未评分）',
      '填写问卷「课后反馈」',
    ])
  })
})
