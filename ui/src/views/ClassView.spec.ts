import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ClassView from './ClassView.vue'
import { mountScreen } from '../test/mount'
import { course } from '../test/fixtures'
import { resetScreenState } from '../lib/screen'
import { forgetClassPulls } from '../composables/useClassPull'
import type { ClassMember, ClassView as ClassSummary, PullSummary } from '../api/classes'

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
/** What `class_pull` does when asked: gets its progress Channel, answers (or fails) when the test says. */
let pull: (onProgress: { id: number }) => Promise<PullSummary> = () => Promise.reject({ kind: 'internal', message: 'no pull here' })

function backend(members = MEMBERS): void {
  calls = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'class_pull') return pull((args as { onProgress: { id: number } }).onProgress)
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

/** Sends the statements read so far down the Channel the UI passed to class_pull. */
function sendProgress(channel: { id: number }, index: number, read: number): void {
  ;(window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__.runCallback(
    channel.id,
    { index, message: read },
  )
}

beforeEach(() => {
  resetScreenState()
  forgetClassPulls()
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

  it('syncs from the LRS with live progress, then says what it did and reloads the list and classes', async () => {
    backend()
    let finish: (summary: PullSummary) => void = () => {}
    let channel: { id: number } = { id: 0 }
    pull = (onProgress) => {
      channel = onProgress
      return new Promise((resolve) => (finish = resolve))
    }
    const wrapper = await open()
    const hint = wrapper.get('[data-testid="lrs-pull"]').text()
    expect(hint).toContain('导入学员的记录包后才会显示名字，在那之前名单里显示简短编号')
    expect(hint).toContain('作业的提交内容、问卷和作业成绩仍然通过记录包传递')
    const loads = calls.filter(([cmd]) => cmd === 'class_members').length
    const classLoads = calls.filter(([cmd]) => cmd === 'course_classes').length

    await wrapper.get('[data-testid="class-pull"]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual(['class_pull', { courseId: course.id, onProgress: expect.objectContaining({ id: channel.id }) }])
    const button = wrapper.get('[data-testid="class-pull"]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.text()).toBe('正在同步…')
    expect(wrapper.get('[data-testid="pull-status"]').text()).toBe('已读取 0 条记录…')
    sendProgress(channel, 0, 500)
    sendProgress(channel, 1, 1200)
    await flushPromises()
    expect(wrapper.get('[data-testid="pull-status"]').text()).toBe('已读取 1,200 条记录…')

    finish({ statements: 1234, members: 21, added: 380, seconds: 2.46 })
    await flushPromises()
    expect(wrapper.get('[data-testid="pull-status"]').text()).toBe('同步完成：读取 1,234 条记录，涉及 21 位学员，新增 380 条记录，用时 2.5 秒。')
    expect(wrapper.get('[data-testid="class-pull"]').attributes('disabled')).toBeUndefined()
    expect(calls.filter(([cmd]) => cmd === 'class_members')).toHaveLength(loads + 1)
    expect(calls.filter(([cmd]) => cmd === 'course_classes')).toHaveLength(classLoads + 1)
    expect(wrapper.find('[data-testid="pull-failure"]').exists()).toBe(false)
  })

  it('keeps the last failure on screen, after leaving and coming back, until a pull succeeds', async () => {
    backend()
    pull = () => Promise.reject({ kind: 'invalid_input', message: '还没有设置学习记录库（LRS）/ no LRS is configured' })
    let wrapper = await open()
    const failure = () => wrapper.get('[data-testid="pull-failure"]')
    const loads = calls.filter(([cmd]) => cmd === 'class_members').length
    await wrapper.get('[data-testid="class-pull"]').trigger('click')
    await flushPromises()
    expect(failure().text()).toBe('上次同步失败：还没有设置学习记录库（LRS）/ no LRS is configured')
    expect(failure().attributes('role')).toBe('alert')
    // A failed pull changes nothing: the list is not read again.
    expect(calls.filter(([cmd]) => cmd === 'class_members')).toHaveLength(loads)
    wrapper.unmount()

    wrapper = await open()
    expect(failure().text()).toContain('上次同步失败')
    // Failing again keeps saying so; succeeding clears it.
    await wrapper.get('[data-testid="class-pull"]').trigger('click')
    await flushPromises()
    expect(failure().text()).toContain('上次同步失败')
    pull = () => Promise.resolve({ statements: 0, members: 3, added: 0, seconds: 0.2 })
    await wrapper.get('[data-testid="class-pull"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="pull-failure"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="pull-status"]').text()).toBe('同步完成：读取 0 条记录，涉及 3 位学员，新增 0 条记录，用时 0.2 秒。')
  })
})
