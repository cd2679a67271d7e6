import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ChoiceInput from './ChoiceInput.vue'
import { createAppI18n } from '../../i18n'
import { multiple, single, trueFalse } from '../../test/quizFixtures'
import type { LearnerAnswer, QuestionView } from '../../api/quizTypes'

function choices(question: QuestionView, answer?: LearnerAnswer, disabled = false) {
  return mount(ChoiceInput, {
    props: { question, answer, disabled, labelledby: 'stem' },
    global: { plugins: [createAppI18n('zh-CN')] },
  })
}

describe('ChoiceInput', () => {
  it('single choice is a labelled radio group sending the original key', async () => {
    const wrapper = choices(single)
    expect(wrapper.attributes('role')).toBe('radiogroup')
    expect(wrapper.attributes('aria-labelledby')).toBe('stem')
    const radios = wrapper.findAll('input[type="radio"]')
    expect(radios).toHaveLength(4)
    expect(wrapper.findAll('.choice__key').map((k) => k.text())).toEqual(['1', '2', '3', '4'])
    await radios[2].trigger('change')
    expect(wrapper.emitted('change')?.[0]).toEqual([{ choice: '3' }])
  })

  it('multiple choice toggles checkboxes', async () => {
    const wrapper = choices(multiple, { choices: ['1'] })
    expect(wrapper.attributes('role')).toBe('group')
    const boxes = wrapper.findAll('input[type="checkbox"]')
    expect((boxes[0].element as HTMLInputElement).checked).toBe(true)
    await boxes[4].trigger('change')
    expect(wrapper.emitted('change')?.[0]).toEqual([{ choices: ['0', '1'] }])
  })

  it('true / false offers 正确 and 错误', async () => {
    const wrapper = choices(trueFalse, { value: false })
    expect(wrapper.findAll('.choice__text').map((t) => t.text())).toEqual(['正确', '错误'])
    expect(wrapper.find('.choice--checked').text()).toContain('错误')
    await wrapper.findAll('input')[0].trigger('change')
    expect(wrapper.emitted('change')?.[0]).toEqual([{ value: true }])
  })

  it('is disabled once final', async () => {
    const wrapper = choices(single, { choice: '3' }, true)
    expect(wrapper.findAll('input:disabled')).toHaveLength(4)
    await wrapper.findAll('input')[0].trigger('change')
    expect(wrapper.emitted('change')).toBeUndefined()
  })
})
