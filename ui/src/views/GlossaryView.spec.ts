import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import GlossaryView from './GlossaryView.vue'
import { mountScreen } from '../test/mount'
import { resetScreenState } from '../lib/screen'
import type { GlossaryTerm } from '../api/types'

const terms: GlossaryTerm[] = [
  {
    id: 'churn-rate',
    anchor: 'qx-term-churn-rate',
    name: '流失率',
    aliases: ['月流失率'],
    definitionHtml: '<p>统计周期内流失的去重人数占期初成员数的比例。</p>',
    formula: '期内流失去重人数 ÷ 期初成员数 × 100%',
    unit: '%',
  },
  {
    id: 'koc',
    anchor: 'qx-term-koc',
    name: 'KOC',
    aliases: [],
    definitionHtml: '<p>关键意见消费者。</p>',
    formula: null,
    unit: null,
  },
]

beforeEach(() => resetScreenState())
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  // jsdom lays nothing out.
  HTMLElement.prototype.scrollIntoView = vi.fn()
})
afterEach(() => clearMocks())

async function mountGlossary(term = '') {
  const asked: unknown[] = []
  mockIPC((cmd, args) => {
    if (cmd === 'course_glossary') {
      asked.push(args)
      return terms
    }
    return null
  })
  const { wrapper } = await mountScreen(GlossaryView, { props: { courseId: 'c1', term } })
  await flushPromises()
  // The screen scrolls to the term once it has rendered.
  await new Promise((resolve) => requestAnimationFrame(resolve))
  await flushPromises()
  return { wrapper, asked }
}

describe('GlossaryView', () => {
  it('lists the course’s terms with aliases, formula and unit, each at its anchor', async () => {
    const { wrapper, asked } = await mountGlossary()
    expect(asked).toEqual([{ courseId: 'c1' }])
    const items = wrapper.findAll('.glossary__term')
    expect(items.map((i) => i.attributes('id'))).toEqual(['qx-term-churn-rate', 'qx-term-koc'])
    expect(items[0].text()).toContain('又称：月流失率')
    expect(items[0].text()).toContain('期内流失去重人数 ÷ 期初成员数 × 100%')
    expect(items[0].text()).toContain('（单位：%）')
    expect(items[1].text()).not.toContain('公式')
  })

  it('filters by name, alias or formula', async () => {
    const { wrapper } = await mountGlossary()
    await wrapper.find('[data-testid="glossary-filter"]').setValue('月流失')
    expect(wrapper.findAll('.glossary__term').map((i) => i.attributes('data-term'))).toEqual(['churn-rate'])
    await wrapper.find('[data-testid="glossary-filter"]').setValue('不存在的词')
    expect(wrapper.findAll('.glossary__term')).toHaveLength(0)
    expect(wrapper.text()).toContain('没有符合条件的术语。')
  })

  it('opens at the term a module linked, highlighted', async () => {
    const { wrapper } = await mountGlossary('koc')
    const target = wrapper.find('[data-term="koc"]')
    expect(target.classes()).toContain('is-targeted')
    expect(wrapper.find('[data-term="churn-rate"]').classes()).not.toContain('is-targeted')
    expect(HTMLElement.prototype.scrollIntoView).toHaveBeenCalled()
  })
})
