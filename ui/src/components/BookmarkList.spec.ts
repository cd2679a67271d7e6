import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import BookmarkList from './BookmarkList.vue'
import { mountScreen } from '../test/mount'
import type { Bookmark } from '../api/notes'

const bookmarks: Bookmark[] = [
  { course_id: 'community-ops', module_id: 'm03-roles', module_title: '社群里的角色', created_at: '2026-11-18T08:00:00Z' },
  { course_id: 'retail-basics', module_id: 'm01-intro', module_title: '门店零售入门', created_at: '2026-11-20T08:00:00Z' },
]

afterEach(() => clearMocks())

function backend(answer: Bookmark[]): void {
  mockIPC((cmd) => (cmd === 'list_bookmarks' ? answer : null))
}

describe('BookmarkList', () => {
  it('links every bookmark to its module, under its course’s title', async () => {
    backend(bookmarks)
    const { wrapper } = await mountScreen(BookmarkList, { props: { courseTitles: { 'community-ops': '社群运营实战' } } })
    await flushPromises()
    const items = wrapper.findAll('[data-testid="bookmark"]')
    expect(items).toHaveLength(2)
    const link = items[0].get('a')
    expect(link.text()).toBe('社群里的角色')
    expect(link.attributes('href')).toBe('/courses/community-ops/modules/m03-roles')
    expect(items[0].text()).toContain('社群运营实战 · 2026年11月18日 加入书签')
    // A course not on the home screen still shows something to go by.
    expect(items[1].text()).toContain('retail-basics')
  })

  it('says there are none yet', async () => {
    backend([])
    const { wrapper } = await mountScreen(BookmarkList, { props: { courseTitles: {} } })
    await flushPromises()
    expect(wrapper.find('[data-testid="bookmark"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="bookmarks-none"]').text()).toBe('还没有书签。读课时点“加入书签”，以后在这里一键回到那一课。')
  })
})
