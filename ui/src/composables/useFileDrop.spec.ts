import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks'
import { emit } from '@tauri-apps/api/event'
import { mountScreen } from '../test/mount'
import { OPEN_PATH_EVENT, useDropTarget, useFileDrop, type DropTarget } from './useFileDrop'
import { dismissToast, useToasts } from './useToast'
import { refreshProfiles } from './useActiveProfile'
import type { ProfileList, Role } from '../api/profiles'
import { isBundlePath, isPackPath } from '../lib/droppedPaths'

const PACK = '/home/admin/下载/community-ops-1.1.0.qxpack'
const BUNDLE = '/usb/作业包-林小雨.zip'

/** The shell: useFileDrop's overlay labels and choice, as text the tests read. */
const Shell = defineComponent({
  setup() {
    const { overlay, choice, choose } = useFileDrop()
    return () =>
      h('div', [
        h('p', { 'data-testid': 'overlay' }, overlay.value.join(' | ')),
        ...(choice.value?.targets ?? []).map((target) =>
          h('button', { 'data-testid': 'option', onClick: () => choose(target) }, target.label()),
        ),
      ])
  },
})

/** A panel that imports what `accepts` takes, noting what it received. */
function panel(label: string, accepts: (path: string) => boolean, received: string[]) {
  return defineComponent({
    setup() {
      const target: DropTarget = { label: () => label, accepts, receive: (path) => received.push(path) }
      useDropTarget(target)
      return () => h('section', label)
    },
  })
}

async function dragEnter(paths: string[]) {
  await emit('tauri://drag-enter', { paths, position: { x: 1, y: 1 } })
  await flushPromises()
}

async function dragDrop(paths: string[]) {
  await emit('tauri://drag-drop', { paths, position: { x: 1, y: 1 } })
  await flushPromises()
}

let mounted: VueWrapper[] = []
/** Who is using the app: one active profile, or none yet. */
let role: Role | null = null
function profiles(): ProfileList {
  const profile = { id: 'p1', displayName: '林小雨', role: role!, avatarColour: '#2f6f5e', createdAt: '', lastUsedAt: '', needsPin: false, active: true }
  return { profiles: role ? [profile] : [], needsFirstAdmin: false, learnerPinsRequired: false }
}

beforeEach(async () => {
  vi.stubGlobal('isTauri', true)
  mockIPC((cmd) => (cmd === 'list_profiles' ? profiles() : null), { shouldMockEvents: true })
  mockWindows('main')
  await refreshProfiles(true)
})
afterEach(() => {
  role = null
  for (const wrapper of mounted) wrapper.unmount()
  mounted = []
  clearMocks()
  vi.unstubAllGlobals()
  for (const toast of [...useToasts().toasts]) dismissToast(toast.id)
})

async function shellWith(...panels: ReturnType<typeof panel>[]) {
  const Screen = defineComponent({ setup: () => () => h('div', [h(Shell), ...panels.map((p) => h(p))]) })
  const { wrapper, router } = await mountScreen(Screen)
  mounted.push(wrapper)
  await flushPromises()
  return { wrapper, router }
}

describe('files dropped on the window', () => {
  it('shows what letting go will do, and hands the drop to the screen that takes it', async () => {
    const packs: string[] = []
    const { wrapper } = await shellWith(panel('导入课程包', isPackPath, packs))

    await dragEnter(['/home/admin/notes.pdf'])
    expect(wrapper.get('[data-testid="overlay"]').text()).toBe('')
    await dragEnter(['/home/admin/notes.pdf', PACK])
    expect(wrapper.get('[data-testid="overlay"]').text()).toBe('导入课程包')

    await dragDrop(['/home/admin/notes.pdf', PACK])
    expect(wrapper.get('[data-testid="overlay"]').text()).toBe('')
    expect(packs).toEqual([PACK])
  })

  it('ignores drops on a screen that takes none', async () => {
    const packs: string[] = []
    const { wrapper } = await shellWith()
    await dragEnter([PACK])
    expect(wrapper.get('[data-testid="overlay"]').text()).toBe('')
    await dragDrop([PACK])
    expect(packs).toEqual([])
  })

  it('asks which import is meant when two panels take the file', async () => {
    const submissions: string[] = []
    const records: string[] = []
    const { wrapper } = await shellWith(panel('导入学员作业包', isBundlePath, submissions), panel('导入学习记录包', isBundlePath, records))
    await dragEnter([BUNDLE])
    expect(wrapper.get('[data-testid="overlay"]').text()).toBe('导入学员作业包 | 导入学习记录包')
    await dragDrop([BUNDLE])

    const options = wrapper.findAll('[data-testid="option"]')
    expect(options.map((o) => o.text())).toEqual(['导入学员作业包', '导入学习记录包'])
    await options[1].trigger('click')
    expect(records).toEqual([BUNDLE])
    expect(submissions).toEqual([])
    expect(wrapper.findAll('[data-testid="option"]')).toHaveLength(0)
  })
})

describe('files opened with the app', () => {
  it('go to the screen in front when it takes them', async () => {
    const packs: string[] = []
    const { router } = await shellWith(panel('导入课程包', isPackPath, packs))
    await emit(OPEN_PATH_EVENT, { path: PACK })
    await flushPromises()
    expect(packs).toEqual([PACK])
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('a pack goes to the library, which takes it once it is there', async () => {
    const { router } = await shellWith()
    await emit(OPEN_PATH_EVENT, { path: PACK })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('library')

    const packs: string[] = []
    mounted.push(mount(panel('导入课程包', isPackPath, packs)))
    await flushPromises()
    expect(packs).toEqual([PACK])
  })

  it.each([
    ['admin', BUNDLE, 'library'],
    ['instructor', BUNDLE, 'grading-queue'],
    ['instructor', '/usb/成绩包.qxbundle', 'grading-queue'],
    ['learner', PACK, 'library'],
  ] as const)('as %s, %s goes to %s', async (who, path, screen) => {
    role = who
    await refreshProfiles(true)
    const { router } = await shellWith()
    await emit(OPEN_PATH_EVENT, { path })
    // The teaching workbench is loaded on demand.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe(screen), { timeout: 5000 })
  })

  it.each(['/usb/成绩包.qxbundle', BUNDLE])('a learner is told where %s can be imported', async (path) => {
    role = 'learner'
    await refreshProfiles(true)
    const { router } = await shellWith()
    await emit(OPEN_PATH_EVENT, { path })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('home')
    expect(useToasts().toasts.map((toast) => toast.message)).toEqual([
      `“${path}”不能在这里导入。课程包请在“课程库”导入；成绩包请打开对应的作业，在作业页面导入。`,
    ])
  })
})
