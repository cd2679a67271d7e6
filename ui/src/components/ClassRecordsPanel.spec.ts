import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ClassRecordsPanel from './ClassRecordsPanel.vue'
import { mountScreen } from '../test/mount'

const joined = { id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId: 'c1', name: '' }

afterEach(() => clearMocks())

describe('ClassRecordsPanel', () => {
  it('lets a learner join a class with its code and lists it afterwards', async () => {
    const mine: object[] = []
    const sent: unknown[] = []
    mockIPC((cmd, args) => {
      sent.push([cmd, args])
      if (cmd === 'my_classes') return mine
      if (cmd === 'class_join') {
        mine.push(joined)
        return joined
      }
      return null
    })
    const { wrapper } = await mountScreen(ClassRecordsPanel, { props: { courseId: 'c1', role: 'learner' } })
    await flushPromises()
    expect(wrapper.get('[data-testid="class-list-empty"]').text()).toBe('还没有加入任何班级。')
    expect(wrapper.get('[data-testid="class-join"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="class-code"]').setValue('hd7k-2q3m')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(sent).toContainEqual(['class_join', { courseId: 'c1', code: 'hd7k-2q3m' }])
    expect(wrapper.get('[data-testid="class-outcome"]').text()).toBe('已加入班级 HD7K-2Q3M。')
    expect(wrapper.get('[data-testid="class-list"]').text()).toContain('HD7K-2Q3M')
    expect(wrapper.get('[data-testid="class-list"]').text()).toContain('名称待讲师的记录包带来')
    expect(wrapper.find('[data-testid="records-export"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="records-import"]').exists()).toBe(false)
  })

  it('shows the backend’s reason when a code is refused', async () => {
    mockIPC((cmd) => {
      if (cmd === 'my_classes') return []
      if (cmd === 'class_join') {
        return Promise.reject({ kind: 'invalid_input', message: '“123” is not a class code' })
      }
      return null
    })
    const { wrapper } = await mountScreen(ClassRecordsPanel, { props: { courseId: 'c1', role: 'learner' } })
    await flushPromises()
    await wrapper.get('[data-testid="class-code"]').setValue('123')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="class-refusal"]').text()).toBe('“123” is not a class code')
  })

  it('lets an instructor create a class and shows the code to hand out', async () => {
    const all: object[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'course_classes') return all
      if (cmd === 'class_create') {
        const made = { ...joined, name: (args as { name: string }).name }
        all.push(made)
        return made
      }
      return null
    })
    const { wrapper } = await mountScreen(ClassRecordsPanel, { props: { courseId: 'c1', role: 'instructor' } })
    await flushPromises()
    await wrapper.get('[data-testid="class-name"]').setValue('华东门店一期')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="class-outcome"]').text()).toBe('已创建班级“华东门店一期”，班级代码 HD7K-2Q3M。')
    expect(wrapper.get('[data-testid="class-list"]').text()).toContain('华东门店一期')
    expect(wrapper.find('[data-testid="records-import"]').exists()).toBe(true)
  })
})
