import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import OrderingInput from './OrderingInput.vue'
import { createAppI18n } from '../../i18n'
import { ordering } from '../../test/quizFixtures'
import type { LearnerAnswer } from '../../api/quizTypes'

/** Mounted like the quiz screen uses it: each change becomes the new answer at once. */
function mountOrdering(answer?: LearnerAnswer, disabled = false) {
  const wrapper = mount(OrderingInput, {
    props: {
      question: ordering,
      answer,
      disabled,
      labelledby: 'stem',
      onChange: (next: LearnerAnswer) => void wrapper.setProps({ answer: next }),
    },
    global: { plugins: [createAppI18n('zh-CN')] },
    attachTo: document.body,
  })
  return wrapper
}

const texts = (wrapper: ReturnType<typeof mountOrdering>) => wrapper.findAll('.item__text').map((item) => item.text())

describe('OrderingInput', () => {
  it('starts in the shown order and offers to keep it as the answer', async () => {
    const wrapper = mountOrdering()
    expect(texts(wrapper)).toEqual(['留存', '拉新', '促活'])
    await wrapper.find('[data-testid="confirm-order"]').trigger('click')
    expect(wrapper.emitted('change')?.[0]).toEqual([{ order: ['2', '0', '1'] }])
    wrapper.unmount()
  })

  it('moves the focused item with ↑ / ↓ and says where it went', async () => {
    const wrapper = mountOrdering()
    const item = wrapper.find('[data-item-key="0"]')
    await item.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.emitted('change')?.[0]).toEqual([{ order: ['0', '2', '1'] }])
    await flushPromises()
    expect(wrapper.find('[role="status"]').text()).toBe('“拉新”已移到第 1 位')
    expect(texts(wrapper)).toEqual(['拉新', '留存', '促活'])
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('0')
    // Moving past the end does nothing.
    await wrapper.find('[data-item-key="0"]').trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.emitted('change')).toHaveLength(1)
    wrapper.unmount()
  })

  it('has labelled move buttons, disabled at the ends', async () => {
    const wrapper = mountOrdering({ order: ['0', '1', '2'] })
    const first = wrapper.find('[data-item-key="0"]')
    expect(first.find('[data-move="up"]').attributes('disabled')).toBeDefined()
    const down = first.find('[data-move="down"]')
    expect(down.attributes('aria-label')).toBe('下移：拉新')
    await down.trigger('click')
    expect(wrapper.emitted('change')?.[0]).toEqual([{ order: ['1', '0', '2'] }])
    expect(wrapper.find('[data-testid="confirm-order"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('is read-only once final', async () => {
    const wrapper = mountOrdering({ order: ['0', '1', '2'] }, true)
    expect(wrapper.findAll('button:not([disabled])')).toHaveLength(0)
    await wrapper.find('[data-item-key="1"]').trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.emitted('change')).toBeUndefined()
    wrapper.unmount()
  })
})
