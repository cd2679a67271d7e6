import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mountScreen } from '../test/mount'
import { linkAction, useSafeLinks } from './useSafeLinks'
import { dismissToast, useToasts } from './useToast'
import QuizHtml from '../components/quiz/QuizHtml.vue'
import ModuleBody from '../components/ModuleBody.vue'

afterEach(() => {
  for (const toast of [...useToasts().toasts]) dismissToast(toast.id)
  document.body.innerHTML = ''
})

describe('linkAction', () => {
  it.each([
    ['#/courses/c/modules/m2', { kind: 'route', path: '/courses/c/modules/m2' }],
    ['#qx-fn-1', { kind: 'anchor', id: 'qx-fn-1' }],
    ['#qx-%E5%AE%9A%E4%B9%89', { kind: 'anchor', id: 'qx-定义' }],
    ['#100%', { kind: 'anchor', id: '100%' }],
    ['https://example.com/a?b=1', { kind: 'external', url: 'https://example.com/a?b=1' }],
    ['HTTP://Example.com', { kind: 'external', url: 'HTTP://Example.com' }],
    ['  https://example.com  ', { kind: 'external', url: 'https://example.com' }],
    ['#qx-term-churn-rate', { kind: 'term', id: 'churn-rate' }],
    [
      'qxasset://localhost/qunxue.community-ops/assets/handouts/%E5%86%85%E5%AE%B9%E6%97%A5%E5%8E%86%E6%A8%A1%E6%9D%BF.xlsx',
      { kind: 'download', assetPath: '/qunxue.community-ops/assets/handouts/内容日历模板.xlsx', name: '内容日历模板.xlsx' },
    ],
    ['http://qxasset.localhost/c/assets/guide.PDF', { kind: 'pdf', courseId: 'c', assetPath: '/c/assets/guide.PDF' }],
    ['qxasset://localhost/c/assets/data.csv', { kind: 'download', assetPath: '/c/assets/data.csv', name: 'data.csv' }],
  ])('%s is %o', (href, action) => {
    expect(linkAction(href)).toEqual(action)
  })

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    '\njavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'qxasset://localhost/course/evil.svg',
    'qxasset://localhost/course/page.html',
    'qxasset://localhost/course/assets/data.csv?download=1',
    'QXASSET://localhost/course/evil.svg',
    'http://qxasset.localhost/course/evil.svg',
    'http://tauri.localhost/#/settings',
    'http://localhost:1420/',
    'file:///etc/passwd',
    'mailto:someone@example.com',
    'vbscript:msgbox(1)',
    'evil.svg',
    '../modules/other.md',
    '//example.com/page',
    'https:example.com',
    'https:///example.com',
    '',
  ])('%j is refused', (href) => {
    expect(linkAction(href)).toEqual({ kind: 'refused' })
  })
})

/** A container whose HTML comes from a string, as v-html sites do, with useSafeLinks on it. */
const Harness = defineComponent({
  props: { html: { type: String, required: true } },
  setup(props) {
    const container = ref<HTMLElement | null>(null)
    useSafeLinks(container)
    return () => h('div', { ref: container, innerHTML: props.html })
  },
})

/** Clicks the link and returns whether its default action (navigating) was cancelled. */
function click(link: Element, init: MouseEventInit = {}, type = 'click'): boolean {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, ...init })
  link.dispatchEvent(event)
  return event.defaultPrevented
}

function toastMessages(): string[] {
  return useToasts().toasts.map((toast) => toast.message)
}

describe('useSafeLinks', () => {
  it('routes "#/…" links inside the app instead of navigating', async () => {
    const { wrapper, router } = await mountScreen(Harness, {
      props: { html: '<p><a href="#/courses/c1"><strong>下一课</strong></a></p>' },
    })
    const push = vi.spyOn(router, 'push')
    expect(click(wrapper.get('strong').element)).toBe(true)
    expect(push).toHaveBeenCalledWith('/courses/c1')
    expect(toastMessages()).toEqual([])
  })

  it('scrolls to an in-page anchor within the container', async () => {
    const { wrapper, router } = await mountScreen(Harness, {
      props: { html: '<a href="#qx-fn-1">1</a><p id="qx-fn-1">脚注</p>' },
    })
    const push = vi.spyOn(router, 'push')
    const target = wrapper.get('#qx-fn-1').element as HTMLElement
    target.scrollIntoView = vi.fn()
    expect(click(wrapper.get('a').element)).toBe(true)
    expect(target.scrollIntoView).toHaveBeenCalled()
    expect(target.classList.contains('is-targeted')).toBe(true)
    expect(push).not.toHaveBeenCalled()
  })

  it('keeps an external address from navigating and shows it to the learner', async () => {
    const { wrapper } = await mountScreen(Harness, { props: { html: '<a href="https://example.com/x">外链</a>' } })
    expect(click(wrapper.get('a').element)).toBe(true)
    expect(toastMessages()).toEqual([
      '这是外部网站的链接，离线学习时无法在群学中打开，可复制地址到浏览器中查看：https://example.com/x',
    ])
  })

  it.each([
    'javascript:window.__pwned=1',
    'qxasset://localhost/course/evil.svg',
    'qxasset://localhost/course/page.html',
    'qxasset://localhost/course/assets/data.csv?download=1',
    'data:text/html,hi',
    'file:///etc/passwd',
  ])('refuses %s without following or echoing it', async (href) => {
    const { wrapper, router } = await mountScreen(Harness, { props: { html: `<a href="${href}">链接</a>` } })
    const push = vi.spyOn(router, 'push')
    expect(click(wrapper.get('a').element)).toBe(true)
    expect(push).not.toHaveBeenCalled()
    expect(toastMessages()).toEqual(['这个链接无法在群学中打开。'])
  })

  it('refuses a middle click (which would open a new window)', async () => {
    const { wrapper } = await mountScreen(Harness, { props: { html: '<a href="https://example.com">外链</a>' } })
    expect(click(wrapper.get('a').element, { button: 1 }, 'auxclick')).toBe(true)
  })

  it('leaves clicks that are not on links alone', async () => {
    const { wrapper } = await mountScreen(Harness, { props: { html: '<p>正文</p><a name="old-style">锚</a>' } })
    expect(click(wrapper.get('p').element)).toBe(false)
    expect(click(wrapper.get('a').element)).toBe(false)
    expect(toastMessages()).toEqual([])
  })

  it('keeps handling links after the HTML changes', async () => {
    const { wrapper } = await mountScreen(Harness, { props: { html: '<p>旧</p>' } })
    await wrapper.setProps({ html: '<a href="javascript:alert(1)">新</a>' })
    await nextTick()
    expect(click(wrapper.get('a').element)).toBe(true)
  })
})

// Every component that renders sanitised HTML uses it: a click on a hostile
// link in each of them is cancelled.
describe.each([
  ['QuizHtml', QuizHtml, {}],
  ['QuizHtml (inline span)', QuizHtml, { inline: true, tag: 'span' }],
  ['ModuleBody', ModuleBody, {}],
])('%s', (_name, component, extra) => {
  it('does not follow links in its HTML', async () => {
    const html = '<p><a href="qxasset://localhost/c/evil.svg">图</a> <a href="https://example.com">外</a></p>'
    const { wrapper } = await mountScreen(component, { props: { html, ...extra } })
    for (const link of wrapper.findAll('a')) expect(click(link.element)).toBe(true)
    expect(toastMessages()).toHaveLength(2)
  })
})
