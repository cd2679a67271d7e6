import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { emit } from '@tauri-apps/api/event'
import { routes } from '../router'
import { createAppI18n } from '../i18n'
import { AUTHOR_CHANGED_EVENT, AUTHOR_FAILED_EVENT, type AuthorSnapshot } from '../api/author'
import { resetScreenState } from '../lib/screen'
import { AUTHOR_FOLDER, authorSnapshot, brokenFrontMatter, savedWithBrokenFrontMatter } from '../test/authorFixtures'

let mounted: VueWrapper[] = []
let calls: [string, unknown][]
let opened: AuthorSnapshot | null

beforeEach(() => {
  resetScreenState()
  calls = []
  opened = authorSnapshot
  mockIPC(
    (cmd, args) => {
      calls.push([cmd, args])
      if (cmd === 'author_open') {
        return opened ?? Promise.reject({ kind: 'invalid_input', message: '/tmp/notes is not a pack folder: no courses/<slug>/course.toml below it' })
      }
      return null
    },
    { shouldMockEvents: true },
  )
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  // Unmounting unlistens, which needs the mocked event plugin still there.
  for (const wrapper of mounted) wrapper.unmount()
  mounted = []
  clearMocks()
  document.body.innerHTML = ''
})

/** The preview as the app shows it: routed (so leaving it is a route change), with an i18n the test can switch. */
async function openPreview(folder: string | null = AUTHOR_FOLDER) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  const i18n = createAppI18n('zh-CN')
  await router.push(folder ? { name: 'author', query: { folder } } : { name: 'author' })
  await router.isReady()
  const Shell = defineComponent({ setup: () => () => h(RouterView) })
  const wrapper = mount(Shell, { global: { plugins: [router, i18n] }, attachTo: document.body })
  mounted.push(wrapper)
  await settle()
  return { wrapper, router, i18n }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

async function save(snapshot: AuthorSnapshot): Promise<void> {
  await emit(AUTHOR_CHANGED_EVENT, snapshot)
  await settle()
}

const selectedId = (wrapper: VueWrapper) => wrapper.get('[data-testid="author-module"][aria-current]').attributes('data-module-id')

describe('AuthorPreviewView', () => {
  it('opens the folder of the route and shows its first module as the reader does, with the problems', async () => {
    const { wrapper } = await openPreview()
    expect(calls.filter(([cmd]) => cmd === 'author_open')).toEqual([['author_open', { folder: AUTHOR_FOLDER }]])
    expect(wrapper.get('h1').text()).toBe('作者预览')
    expect(wrapper.get('[data-testid="author-folder"]').text()).toBe(AUTHOR_FOLDER)
    expect(wrapper.get('[data-testid="author-revision"]').text()).toBe('第 1 版')
    expect(wrapper.get('[data-testid="author-updated"]').text()).toMatch(/^已于 \d\d:\d\d:\d\d 更新 · 用时 38 ms$/)

    const preview = wrapper.get('[data-testid="author-module-preview"]')
    expect(preview.get('h1').text()).toBe('迎客与开场')
    expect(preview.text()).toContain('约 20 分钟')
    expect(preview.text()).toContain('说出迎客三步的顺序')
    expect(preview.get('[data-testid="module-body"]').html()).toContain('三步迎客')
    // Instructor blocks carry the reader's label.
    expect(preview.get('[data-testid="module-body"]').attributes('style')).toContain('讲师备注')

    const modules = wrapper.findAll('[data-testid="author-module"]')
    expect(modules.map((m) => m.find('.entry__title').text())).toEqual(['迎客与开场', '水果陈列实操', '店长早会带教'])
    expect(modules[1].get('[data-testid="problem-count"]').text()).toContain('1 个警告')
    expect(modules[2].find('[data-testid="instructor-tag"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="author-problems"]').text()).toContain('图片 assets/display.png 没有替代文字')
  })

  it('says when a save could not be shown, keeps the last render, and clears it with the next', async () => {
    const { wrapper } = await openPreview()
    await emit(AUTHOR_FAILED_EVENT, '/tmp/pack: not a pack folder')
    await settle()
    expect(wrapper.get('[data-testid="author-stale"]').text()).toBe('最近一次保存后没能刷新（/tmp/pack: not a pack folder），下面仍是上一版。')
    expect(wrapper.find('[data-testid="author-module-preview"]').exists()).toBe(true)
    await save(savedWithBrokenFrontMatter(2))
    expect(wrapper.find('[data-testid="author-stale"]').exists()).toBe(false)
  })

  it('replaces the snapshot on a save and keeps the module chosen', async () => {
    const { wrapper } = await openPreview()
    await wrapper.get('[data-module-id="display"]').trigger('click')
    expect(wrapper.get('[data-testid="author-module-preview"]').attributes('data-module-id')).toBe('display')

    const saved = savedWithBrokenFrontMatter(2)
    const course = saved.courses[0]
    saved.courses = [
      { ...course, modules: course.modules.map((m) => (m.id === 'display' ? { ...m, html: '<p>改过的陈列要点</p>' } : m)) },
    ]
    await save(saved)

    expect(selectedId(wrapper)).toBe('display')
    expect(wrapper.get('[data-testid="module-body"]').text()).toBe('改过的陈列要点')
    expect(wrapper.get('[data-testid="author-revision"]').text()).toBe('第 2 版')
    expect(wrapper.get('[data-module-id="greeting"] [data-testid="problem-count"]').attributes('data-errors')).toBe('1')
  })

  it('ignores a snapshot of another folder or an older revision', async () => {
    const { wrapper } = await openPreview()
    await save({ ...savedWithBrokenFrontMatter(3), folder: '/home/author/packs/other' })
    await save({ ...savedWithBrokenFrontMatter(1) })
    expect(wrapper.get('[data-testid="author-revision"]').text()).toBe('第 1 版')
    expect(wrapper.find('[data-severity="error"]').exists()).toBe(false)
  })

  it('falls back to the first module when the chosen one is gone', async () => {
    const { wrapper } = await openPreview()
    await wrapper.get('[data-module-id="coaching"]').trigger('click')
    const course = authorSnapshot.courses[0]
    await save({ ...authorSnapshot, revision: 2, courses: [{ ...course, modules: course.modules.slice(0, 2) }] })
    expect(selectedId(wrapper)).toBe('greeting')
  })

  it('lists errors first, and a problem in a module file opens that module', async () => {
    const { wrapper } = await openPreview()
    await wrapper.get('[data-module-id="display"]').trigger('click')
    await save(savedWithBrokenFrontMatter(2))

    const rows = wrapper.findAll('[data-testid="author-problems"] [data-testid="diagnostic-row"]')
    expect(rows.map((row) => row.attributes('data-severity'))).toEqual(['error', 'warning'])
    expect(rows[0].get('[data-testid="diagnostic-location"]').text()).toBe(`${brokenFrontMatter.file}:4:10`)

    await rows[0].get('[data-testid="diagnostic-select"]').trigger('click')
    await flushPromises()
    expect(selectedId(wrapper)).toBe('greeting')
    expect(wrapper.get('[data-testid="author-module-preview"] h1').text()).toBe('迎客与开场')
  })

  it('shows each problem in the UI language', async () => {
    const { wrapper, i18n } = await openPreview()
    await save(savedWithBrokenFrontMatter(2))
    const message = () => wrapper.get('[data-testid="author-problems"] [data-testid="diagnostic-message"]').text()
    expect(message()).toBe('前置信息：minutes 必须是整数，这里写的是 二十')

    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(message()).toBe('front matter: minutes must be a whole number, found 二十')
    expect(wrapper.get('h1').text()).toBe('Author preview')
  })

  it('says so calmly when there are no problems', async () => {
    opened = { ...authorSnapshot, diagnostics: [] }
    const { wrapper } = await openPreview()
    expect(wrapper.get('[data-testid="author-problems"] [data-testid="check-status"]').text()).toContain('没有发现问题')
    expect(wrapper.find('[data-testid="problem-count"]').exists()).toBe(false)
  })

  it('plays a quiz: check an answer, then the answer key', async () => {
    const { wrapper } = await openPreview()
    await wrapper.get('[data-testid="author-quiz"]').trigger('click')
    const quiz = wrapper.get('[data-testid="author-quiz-preview"]')
    expect(quiz.get('h1').text()).toBe('迎客小测')
    expect(quiz.findAll('[data-question-id]')).toHaveLength(8)

    const first = quiz.get('[data-question-id="g-q1"]')
    await first.get('[data-option-key="0"] input').setValue(true)
    await first.get('[data-testid="check-answer"]').trigger('click')
    expect(first.get('[data-testid="item-feedback"]').attributes('data-outcome')).toBe('incorrect')
    expect(first.get('[data-testid="item-feedback"]').text()).toContain('促销放在最后')

    // Changing the answer takes the verdict away until it is checked again.
    await first.get('[data-option-key="1"] input').setValue(true)
    expect(first.find('[data-testid="item-feedback"]').exists()).toBe(false)
    await first.get('[data-testid="check-answer"]').trigger('click')
    expect(first.get('[data-testid="item-feedback"]').attributes('data-outcome')).toBe('correct')

    // 显示答案 opens the keys; the key marks the right option.
    expect(quiz.find('[data-testid="answer-key"]').exists()).toBe(false)
    await quiz.get('[data-testid="show-answers"]').setValue(true)
    const right = first.findAll('[data-testid="answer-key"] li').map((li) => li.attributes('data-right'))
    expect(right).toEqual(['false', 'true', 'false'])
    expect(quiz.get('[data-question-id="g-q7"] [data-testid="answer-key"]').text()).toContain('48 ± 2')
    await quiz.get('[data-testid="show-answers"]').setValue(false)
    expect(quiz.find('[data-testid="answer-key"]').exists()).toBe(false)
  })

  it('stops watching when leaving the preview, and hears no more saves', async () => {
    const { wrapper, router } = await openPreview()
    await router.push({ name: 'library' })
    await settle()
    expect(calls.map(([cmd]) => cmd)).toContain('author_close')
    expect(wrapper.find('[data-testid="author-preview"]').exists()).toBe(false)
    await save(savedWithBrokenFrontMatter(2))
  })

  it('explains a folder that is not a pack, and shows where to start without one', async () => {
    opened = null
    const { wrapper } = await openPreview('/tmp/notes')
    expect(wrapper.get('[data-testid="author-failed"]').text()).toContain('这不是课程包文件夹')
    expect(wrapper.get('[data-testid="author-failed"]').text()).toContain('/tmp/notes is not a pack folder')
    const empty = await openPreview(null)
    expect(calls.filter(([cmd]) => cmd === 'author_open')).toHaveLength(1)
    expect(empty.wrapper.get('[data-testid="author-empty"]').text()).toContain('还没有打开课程包')
    expect(empty.wrapper.find('[data-testid="author-close"]').exists()).toBe(false)
  })
})
