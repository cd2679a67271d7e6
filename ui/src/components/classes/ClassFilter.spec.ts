import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ShortAnswerMarkingView from '../../views/ShortAnswerMarkingView.vue'
import GradingQueueView from '../../views/GradingQueueView.vue'
import ImpactStudyView from '../../views/ImpactStudyView.vue'
import { mountScreen } from '../../test/mount'
import { course, study as fixtureStudy } from '../../test/fixtures'
import { resetScreenState } from '../../lib/screen'
import { forgetClassChoices } from '../../composables/useClassChoice'
import type { ClassView } from '../../api/classes'
import type { QueuePage } from '../../api/tasks'
import type { StudyView } from '../../api/impact'

const CLASSES: ClassView[] = [
  { id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId: course.id, name: '华东一期' },
  { id: 'ZX9P4R2T', joinCode: 'ZX9P-4R2T', courseId: course.id, name: '' },
]
const OTHER = { ...course, id: 'qunxue.sales', title: '门店销售' }

const page: QueuePage = { rows: [], total: 0, offset: 0, limit: 50, statusCounts: {}, tasks: [] }

const study: StudyView = fixtureStudy()

let calls: [string, Record<string, unknown>][] = []

function backend(classes: ClassView[] = CLASSES): void {
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'list_courses') return [course, OTHER]
    if (cmd === 'course_classes') return (args as { courseId: string }).courseId === course.id ? classes : []
    if (cmd === 'marking_queue') return []
    if (cmd === 'list_profiles') return { profiles: [], needsFirstAdmin: false, learnerPinsRequired: false }
    if (cmd === 'grading_queue') return page
    if (cmd === 'impact_get_study') return study
    if (cmd === 'impact_report') {
      const narrowed = (args as { classes: string[] }).classes
      return {
        study,
        generatedAt: '2026-04-02T00:00:00Z',
        conclusions: [],
        business: { metrics: [], roi: null },
        knowledge: { pairs: [] },
        reaction: { surveys: [] },
        practical: { criteria: [], note: null },
        classes: narrowed,
      }
    }
    return null
  })
}

const sent = (command: string) => calls.filter(([cmd]) => cmd === command).map(([, args]) => args)
const last = (command: string) => sent(command).at(-1)

async function tick(wrapper: VueWrapper, classId: string, on = true): Promise<void> {
  await wrapper.get(`[data-testid="class-choice"] input[data-class="${classId}"]`).setValue(on)
  await flushPromises()
}

enableAutoUnmount(afterEach)

beforeEach(() => {
  resetScreenState()
  forgetClassChoices()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('ClassFilter', () => {
  it('narrows the short-answer queue of a chosen course to the ticked classes', async () => {
    backend()
    const { wrapper } = await mountScreen(ShortAnswerMarkingView, {}, '/teach/short-answers')
    await flushPromises()
    // Every course at first: no class to choose.
    expect(last('marking_queue')).toEqual({ courseId: null, classes: [] })
    expect(wrapper.find('[data-testid="class-choice"]').exists()).toBe(false)

    await wrapper.get('[data-testid="course-picker"]').setValue(course.id)
    await flushPromises()
    expect(last('marking_queue')).toEqual({ courseId: course.id, classes: [] })
    const choice = wrapper.get('[data-testid="class-choice"]')
    expect(choice.get('legend').text()).toBe('班级')
    // A class known only by its code shows the code.
    expect(choice.findAll('label').map((l) => l.text())).toEqual(['华东一期', 'ZX9P-4R2T'])
    expect(choice.get('[data-testid="class-choice-state"]').text()).toBe('未选择：全部班级')

    await tick(wrapper, 'ZX9P4R2T')
    expect(last('marking_queue')).toEqual({ courseId: course.id, classes: ['ZX9P4R2T'] })
    await tick(wrapper, 'HD7K2Q3M')
    // In the course's order, whatever order they were ticked in.
    expect(last('marking_queue')).toEqual({ courseId: course.id, classes: ['HD7K2Q3M', 'ZX9P4R2T'] })

    await wrapper.get('[data-testid="class-choice-clear"]').trigger('click')
    await flushPromises()
    expect(last('marking_queue')).toEqual({ courseId: course.id, classes: [] })
    expect(wrapper.findAll('[data-testid="class-choice"] input:checked')).toHaveLength(0)
  })

  it('sends the ticked classes in the grading queue filter and remembers them per course', async () => {
    backend()
    const first = (await mountScreen(GradingQueueView, {}, '/teach/tasks')).wrapper
    await flushPromises()
    expect((last('grading_queue') as { filter: { classes: string[] } }).filter.classes).toEqual([])

    await tick(first, 'HD7K2Q3M')
    expect(last('grading_queue')).toEqual({
      courseId: course.id,
      filter: { taskId: null, status: null, learnerId: null, classes: ['HD7K2Q3M'], offset: 0, limit: 50 },
    })

    // Another course has its own choice (none, and no classes to choose).
    await first.get('[data-testid="queue-course"]').setValue(OTHER.id)
    await flushPromises()
    expect(last('grading_queue')).toMatchObject({ courseId: OTHER.id, filter: { classes: [] } })
    expect(first.find('[data-testid="class-choice"]').exists()).toBe(false)
    first.unmount()

    // Back on the screen later in the session: the course's choice is still there.
    const second = (await mountScreen(GradingQueueView, {}, '/teach/tasks')).wrapper
    await flushPromises()
    expect(last('grading_queue')).toMatchObject({ courseId: course.id, filter: { classes: ['HD7K2Q3M'] } })
    expect(second.get('input[data-class="HD7K2Q3M"]').element).toHaveProperty('checked', true)
  })

  it('drops a remembered class the course no longer has', async () => {
    backend()
    const first = (await mountScreen(GradingQueueView, {}, '/teach/tasks')).wrapper
    await flushPromises()
    await tick(first, 'ZX9P4R2T')
    first.unmount()

    backend(CLASSES.slice(0, 1))
    await mountScreen(GradingQueueView, {}, '/teach/tasks')
    await flushPromises()
    expect(last('grading_queue')).toMatchObject({ courseId: course.id, filter: { classes: [] } })
  })

  it('narrows the effect report’s learner-level figures and says which classes they count', async () => {
    backend()
    const { wrapper } = await mountScreen(ImpactStudyView, { props: { studyId: 's1' } }, '/teach/impact/s1')
    await flushPromises()
    await wrapper.get('[data-testid="tab-report"]').trigger('click')
    await flushPromises()
    expect(last('impact_report')).toEqual({ studyId: 's1', classes: [] })
    expect(wrapper.find('[data-testid="report-classes"]').exists()).toBe(false)

    await tick(wrapper, 'HD7K2Q3M')
    await tick(wrapper, 'ZX9P4R2T')
    expect(last('impact_report')).toEqual({ studyId: 's1', classes: ['HD7K2Q3M', 'ZX9P4R2T'] })
    expect(wrapper.get('[data-testid="report-classes"]').text()).toBe(
      '满意度、测验和实操评分只统计 华东一期、ZX9P-4R2T 的成员；业务指标按门店统计，不按班级筛选。导出的报告与屏幕上一致。',
    )
  })

  it('shows no filter for a course without classes', async () => {
    backend([])
    const { wrapper } = await mountScreen(GradingQueueView, {}, '/teach/tasks')
    await flushPromises()
    expect(wrapper.find('[data-testid="class-choice"]').exists()).toBe(false)
    expect((last('grading_queue') as { filter: { classes: string[] } }).filter.classes).toEqual([])
  })
})
