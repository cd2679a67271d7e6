import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import SearchView from './SearchView.vue'
import { mountScreen } from '../test/mount'
import { resetScreenState } from '../lib/screen'
import type { SearchResults } from '../api/search'

const results: SearchResults = {
  query: '社群 裂变',
  terms: ['社群', '裂变'],
  partial: false,
  hits: [
    {
      kind: 'module',
      courseId: 'qunxue.community-ops',
      courseTitle: '社群运营实战',
      moduleId: 'm07-marketing',
      anchor: 'qx-裂变活动',
      refId: null,
      title: [{ text: '社群', hit: true }, { text: '营销与裂变', hit: false }],
      heading: [{ text: '裂变', hit: true }, { text: '活动', hit: false }],
      snippet: { segments: [{ text: '<script>x</script>老带新的', hit: false }, { text: '裂变', hit: true }], cutBefore: true, cutAfter: false },
    },
    {
      kind: 'question',
      courseId: 'qunxue.community-ops',
      courseTitle: '社群运营实战',
      moduleId: null,
      anchor: null,
      refId: 'q1',
      title: [{ text: '裂变', hit: true }, { text: '海报的作用是？', hit: false }],
      heading: [],
      snippet: { segments: [], cutBefore: false, cutAfter: false },
    },
  ],
}

beforeEach(() => {
  resetScreenState()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('SearchView', () => {
  it('lists hits with marked words that open the module at the heading', async () => {
    const sent: unknown[] = []
    mockIPC((cmd, args) => {
      sent.push([cmd, args])
      return cmd === 'search' ? results : null
    })
    const { wrapper } = await mountScreen(SearchView, { props: { q: '社群 裂变' } }, '/search?q=社群')
    await flushPromises()
    expect(sent).toEqual([['search', { query: '社群 裂变' }]])
    const hits = wrapper.findAll('[data-testid="search-hit"]')
    expect(hits).toHaveLength(2)
    expect(hits[0].findAll('mark').map((m) => m.text())).toEqual(['社群', '裂变', '裂变'])
    expect(hits[0].find('script').exists()).toBe(false)
    expect(hits[0].text()).toContain('<script>x</script>')
    expect(decodeURIComponent(hits[0].find('a').attributes('href')!)).toBe(
      '/courses/qunxue.community-ops/modules/m07-marketing?at=qx-裂变活动',
    )
    expect(hits[1].find('a').exists()).toBe(false)
    expect(hits[1].text()).toContain('题目')
  })

  it('says so when nothing matches', async () => {
    mockIPC(() => ({ query: '区块链', terms: ['区块链'], partial: false, hits: [] }))
    const { wrapper } = await mountScreen(SearchView, { props: { q: '区块链' } }, '/search?q=区块链')
    await flushPromises()
    expect(wrapper.text()).toContain('没有找到相关内容')
  })
})
