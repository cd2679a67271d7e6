import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { CourseSummary } from '../api/types'
import LibraryView from './LibraryView.vue'
import { mountScreen } from '../test/mount'
import { course } from '../test/fixtures'
import { resetScreenState } from '../lib/screen'
import { useToasts } from '../composables/useToast'
import { refreshProfiles } from '../composables/useActiveProfile'

// Dialogs keep a stack of open modals: unmount each test's tree properly.
enableAutoUnmount(afterEach)

const branded: CourseSummary = {
  ...course,
  id: 'xianguo.retail-service',
  title: '门店导购服务标准',
  organisation: '鲜果优选连锁',
  primaryColour: '#ea580c',
  logoUrl: 'qxasset://localhost/xianguo.retail-service/branding/logo.png',
  installedAt: '2026-10-08T09:00:00Z',
  updatedAt: '2026-10-08T09:00:00Z',
  moduleCount: 4,
  startedCount: 3,
  completedCount: 2,
}

let installed: CourseSummary[]
let calls: [string, unknown][]
let failRemove = false
let notAdmin = false
let activeRole: string | null = null

beforeEach(() => {
  resetScreenState()
  installed = [course, branded]
  calls = []
  failRemove = false
  notAdmin = false
  activeRole = null
  mockIPC((cmd, args) => {
    calls.push([cmd, args])
    if (cmd === 'list_courses') return installed
    if (cmd === 'list_profiles') {
      if (!activeRole) return { profiles: [], needsFirstAdmin: false, learnerPinsRequired: false }
      const me = { id: 'p1', displayName: '林小雨', role: activeRole, avatarColour: '#2f6f5e', createdAt: '', lastUsedAt: '', needsPin: false, active: true }
      return { profiles: [me], needsFirstAdmin: false, learnerPinsRequired: false }
    }
    if (cmd === 'course_removal') {
      if (notAdmin) {
        return Promise.reject({
          kind: 'forbidden',
          message: '删除课程 / removing a course needs the admin role; the active profile is a learner',
        })
      }
      const id = (args as { courseId: string }).courseId
      return { courseId: id, title: 'x', peopleWithRecords: id === branded.id ? 12 : 0 }
    }
    if (cmd === 'remove_course') {
      if (failRemove) return Promise.reject({ kind: 'database', message: 'database is locked' })
      installed = installed.filter((c) => c.id !== (args as { courseId: string }).courseId)
      return { courseId: (args as { courseId: string }).courseId, title: 'x', peopleWithRecords: 12 }
    }
    return null
  })
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  clearMocks()
  const { toasts, dismissToast } = useToasts()
  for (const toast of [...toasts]) dismissToast(toast.id)
  document.body.innerHTML = ''
})

async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => requestAnimationFrame(resolve))
  await flushPromises()
}

async function library() {
  const { wrapper } = await mountScreen(LibraryView, { attachTo: document.body }, '/library')
  await settle()
  return wrapper
}

const card = (wrapper: Awaited<ReturnType<typeof library>>, id: string) => wrapper.find(`[data-course-id="${id}"]`)

describe('LibraryView', () => {
  it('shows a card per installed course: organisation, version, progress, date', async () => {
    const wrapper = await library()
    expect(wrapper.find('h1').text()).toBe('课程库')
    expect(wrapper.find('[data-testid="library-count"]').text()).toBe('已安装 2 门课程')
    expect(wrapper.findAll('[data-testid="course-card"]')).toHaveLength(2)

    const retail = card(wrapper, branded.id)
    expect(retail.find('h2').text()).toBe('门店导购服务标准')
    expect(retail.find('[data-testid="course-organisation"]').text()).toBe('鲜果优选连锁')
    expect(retail.find('img').attributes('src')).toBe(branded.logoUrl)
    expect(retail.find('[data-testid="course-version"]').text()).toContain('v1.0.0')
    expect(retail.find('[data-testid="course-progress"]').text()).toBe('已完成 2 / 4 个模块')
    expect(retail.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('50')
    expect(retail.find('[data-testid="course-changed"]').text()).toBe('安装于 2026年10月8日')
    expect(retail.find('[data-testid="open-course"]').attributes('href')).toBe('/courses/xianguo.retail-service')
    // The brand colour, adjusted for contrast, drives the card's accent.
    expect((retail.element as HTMLElement).style.getPropertyValue('--card-accent')).toMatch(/^#[0-9a-f]{6}$/)

    expect(card(wrapper, course.id).find('[data-testid="course-changed"]').text()).toBe('更新于 2026年11月18日')
  })

  it('falls back to the organisation’s initial when a logo will not load', async () => {
    const wrapper = await library()
    const retail = card(wrapper, branded.id)
    await retail.find('img').trigger('error')
    expect(retail.find('[data-testid="logo-initial"]').text()).toBe('鲜')
  })

  it('removes a course only after a confirmation that names it and says whose records it deletes', async () => {
    const wrapper = await library()
    await card(wrapper, branded.id).find('[data-testid="remove-course"]').trigger('click')
    await settle()
    const confirm = wrapper.find('[data-testid="confirm-dialog"]')
    expect(confirm.find('h2').text()).toBe('移除课程“门店导购服务标准”？')
    expect(confirm.text()).toContain('所有学员在这门课程中的学习进度、测验记录和成绩也会一并删除')
    expect(confirm.find('[data-testid="remove-people"]').text()).toBe('这会删除 12 个人的学习记录。')
    expect(confirm.text()).toContain('删除前会自动备份数据库')
    expect(calls).toContainEqual(['course_removal', { courseId: branded.id }])
    expect(calls.map(([cmd]) => cmd)).not.toContain('remove_course')

    await confirm.find('[data-testid="confirm-action"]').trigger('click')
    await settle()
    expect(calls).toContainEqual(['remove_course', { courseId: branded.id }])
    expect(wrapper.find('[data-testid="confirm-dialog"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="course-card"]')).toHaveLength(1)
    expect(useToasts().toasts.map((t) => t.message)).toEqual(['已移除课程“门店导购服务标准”及其学习记录。'])
    expect(document.activeElement).toBe(wrapper.find('h1').element)
  })

  it('keeps the dialog open and explains when removing fails', async () => {
    failRemove = true
    const wrapper = await library()
    await card(wrapper, branded.id).find('[data-testid="remove-course"]').trigger('click')
    await wrapper.find('[data-testid="confirm-action"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="confirm-dialog"] [role="alert"]').text()).toBe('没能移除课程：database is locked')
    expect(wrapper.findAll('[data-testid="course-card"]')).toHaveLength(2)
  })

  it('says so when nobody has records in the course', async () => {
    const wrapper = await library()
    await card(wrapper, course.id).find('[data-testid="remove-course"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="remove-people"]').text()).toBe('目前还没有人在这门课程中留下学习记录。')
  })

  it('explains that only an admin can remove a course when the backend refuses the count', async () => {
    notAdmin = true
    const wrapper = await library()
    await card(wrapper, branded.id).find('[data-testid="remove-course"]').trigger('click')
    await settle()
    const alert = wrapper.find('[data-testid="confirm-dialog"] [role="alert"]')
    expect(alert.text()).toContain('只有管理员可以移除课程')
    expect(wrapper.find('[data-testid="remove-people"]').text()).toBe('')
  })

  it('tells a learner that installing and removing courses is for an admin', async () => {
    activeRole = 'learner'
    await refreshProfiles(true)
    const wrapper = await library()
    expect(wrapper.get('[data-testid="library-admin-note"]').text()).toContain('需要管理员身份')
    activeRole = 'admin'
    await refreshProfiles(true)
    await settle()
    expect(wrapper.find('[data-testid="library-admin-note"]').exists()).toBe(false)
  })

  it('opens the import dialog and invites a first import when empty', async () => {
    installed = []
    const wrapper = await library()
    expect(wrapper.find('[data-testid="library-empty"] h2').text()).toBe('课程库还是空的')
    await wrapper.find('[data-testid="import-pack"]').trigger('click')
    expect(wrapper.find('[data-testid="import-dialog"]').exists()).toBe(true)
  })
})
