import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StatusBadge from './StatusBadge.vue'
import { createAppI18n } from '../i18n'

function badge(status: 'not_started' | 'in_progress' | 'completed', locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(StatusBadge, { props: { status }, global: { plugins: [createAppI18n(locale)] } })
}

describe('StatusBadge', () => {
  it.each([
    ['not_started', '未开始'],
    ['in_progress', '学习中'],
    ['completed', '已完成'],
  ] as const)('labels %s as %s', (status, label) => {
    const wrapper = badge(status)
    expect(wrapper.text()).toBe(label)
    expect(wrapper.classes()).toContain(`badge--${status}`)
  })

  it('draws a different icon per status so colour is not the only cue', () => {
    const shapes = (['not_started', 'in_progress', 'completed'] as const).map((s) => badge(s).find('svg').html())
    expect(new Set(shapes).size).toBe(3)
  })

  it('follows the active locale', () => {
    expect(badge('completed', 'en').text()).toBe('Completed')
  })
})
