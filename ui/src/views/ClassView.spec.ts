import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ClassView from './ClassView.vue'
import { mountScreen } from '../test/mount'
import { course } from '../test/fixtures'
import { resetScreenState } from '../lib/screen'
import type { ClassMember, ClassView as ClassSummary } from '../api/classes'

function member(overrides: Partial<ClassMember> & Pick<ClassMember, 'id'>): ClassMember {
  return {
    name: overrides.id,
    class: '华东一期',
    sources: ['local'],
    modulesDone: 0,
    preScore: null,
    postScore: null,
    gain: null,
    quizzesPassed: 0,
    quizzesTotal: 3,
    taskScore: null,
    pendingMarks: 0,
    completed: false,
    sentNothing: false,
    stalled: false,
    lastActivity: null,
    ...overrides,
  }
}

const MEMBERS: ClassMember[] = [
  member({ id: 'p-wang', name: '王小丽', modulesDone: 5, preScore: 40, postScore: 70, gain: 0.5, quizzesPassed: 3, taskScore: 85, completed: true, lastActivity: '2026-11-20T08:00:00Z' }),
  member({ id: 'p-li', name: '李明', modulesDone: 2, preScore: 55, pendingMarks: 2, sources: ['bundle', 'lrs'], stalled: true, lastActivity: '2026-11-01T08:00:00Z' }),
  member({ id: '0193f2a4-7c1e-7d4b-9a3f-2b6d8e1c5a70', name: '0193f2a4-7c1e-7d4b-9a3f-2b6d8e1c5a70', sources: ['lrs'], sentNothing: true }),
]
const CLASSES: ClassSummary[] = [
  { id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId: course.id, name: '华东一期' },
  { id: 'ZX9P4R2T', joinCode: 'ZX9P-4R2T', courseId: course.id, name: '' },
]

let calls: [string, Record<string, unknown>][] = []

function backend(members = MEMBERS): void {
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'list_courses') return [course]
    if (cmd === 'course_classes') return CLASSES
    if (cmd === 'class_members') return { members }
    if (cmd === 'class_remove_member') return null
    if (cmd === 'plugin:dialog|save') return '/home/teacher/华东一期.xlsx'
    if (cmd === 'class_export') return { rows: members.length, path: (args as { path: string }).path }
    return null
  })
}

async function open(): Promise<VueWrapper> {
  const { wrapper } = await mountScreen(ClassView, {}, '/teach/classes')
  await flushPromises()
  return wrapper
}

const names = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="member-name"]').map((n) => n.text())

// Dialogs keep a stack of open modals: unmount each test's tree properly.
enableAutoUnmount(afterEach)

beforeEach(() => {
  resetScreenState()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('ClassView', () => {
  it('lists every member of the course, a member known only by id as a short id', async () => {
    backend()
    const wrapper = await open()
    expect(calls).toContainEqual(['class_members', { courseId: course.id, classId: null }])
    expect(names(wrapper)).toEqual(['李明', '王小丽', '学员 0193f2a4'])
    expect(wrapper.get('[data-testid="class-caption"]').text()).toBe('全部班级：显示 3 人，共 3 人')
    const wang = wrapper.get('[data-member="p-wang"]').text()
    expect(wang).toContain('40%')
    expect(wang).toContain('70%')
    expect(wang).toContain('0.50')
    expect(wang).toContain('3 / 3')
    expect(wang).toContain('85%')
    expect(wrapper.get('[data-member="p-li"]').findAll('[data-source]').map((b) => b.text())).toEqual(['记录包', '学习记录库'])
    // Removing needs one chosen class.
    expect(wrapper.find('[data-testid="member-remove"]').exists()).toBe(false)
  })

  it('filters by status, including who has sent nothing yet', async () => {
    backend()
    const wrapper = await open()
    const status = wrapper.get('[data-testid="status-filter"]')
    await status.setValue('completed')
    expect(names(wrapper)).toEqual(['王小丽'])
    await status.setValue('pendingMarks')
    expect(names(wrapper)).toEqual(['李明'])
    await status.setValue('sentNothing')
    expect(names(wrapper)).toEqual(['学员 0193f2a4'])
    expect(wrapper.get('[data-testid="class-caption"]').text()).toBe('全部班级：显示 1 人，共 3 人')
    await status.setValue('stalled')
    expect(names(wrapper)).toEqual(['李明'])
    await status.setValue('incomplete')
    expect(names(wrapper)).toEqual(['李明', '学员 0193f2a4'])
  })

  it('sorts by a clicked column header, missing figures last either way', async () => {
    backend()
    const wrapper = await open()
    const header = () => wrapper.get('th[data-column="preScore"]')
    expect(header().attributes('aria-sort')).toBeUndefined()
    await header().get('button').trigger('click')
    expect(header().attributes('aria-sort')).toBe('ascending')
    expect(wrapper.get('th[data-column="name"]').attributes('aria-sort')).toBeUndefined()
    expect(names(wrapper)).toEqual(['王小丽', '李明', '学员 0193f2a4'])
    await header().get('button').trigger('click')
    expect(header().attributes('aria-sort')).toBe('descending')
    expect(names(wrapper)).toEqual(['李明', '王小丽', '学员 0193f2a4'])
  })

  it('removes a member from the chosen class only after confirming, then reloads', async () => {
    backend()
    const wrapper = await open()
    await wrapper.get('[data-testid="class-filter"]').setValue('HD7K2Q3M')
    await flushPromises()
    expect(calls).toContainEqual(['class_members', { courseId: course.id, classId: 'HD7K2Q3M' }])
    await wrapper.get('[data-member="p-li"] [data-testid="member-remove"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="confirm-dialog"]').text()).toContain('把“李明”移出“华东一期”？')
    expect(calls.some(([cmd]) => cmd === 'class_remove_member')).toBe(false)
    const loads = calls.filter(([cmd]) => cmd === 'class_members').length
    await wrapper.get('[data-testid="confirm-action"]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual(['class_remove_member', { classId: 'HD7K2Q3M', profileId: 'p-li' }])
    expect(calls.filter(([cmd]) => cmd === 'class_members')).toHaveLength(loads + 1)
    expect(wrapper.find('[data-testid="confirm-dialog"]').exists()).toBe(false)
  })

  it('exports the list to the path chosen in the save dialog', async () => {
    backend()
    const wrapper = await open()
    await wrapper.get('[data-testid="export-xlsx"]').trigger('click')
    await flushPromises()
    const dialog = calls.find(([cmd]) => cmd === 'plugin:dialog|save')?.[1] as { options: { defaultPath: string } }
    expect(dialog.options.defaultPath).toBe(`班级名单-${course.id}.xlsx`)
    expect(calls).toContainEqual(['class_export', { courseId: course.id, classId: null, path: '/home/teacher/华东一期.xlsx' }])
  })

  it('says so when a course has no members yet', async () => {
    backend([])
    const wrapper = await open()
    expect(wrapper.text()).toContain('还没有班级成员')
    expect(wrapper.find('[data-testid="class-members"]').exists()).toBe(false)
  })
})
