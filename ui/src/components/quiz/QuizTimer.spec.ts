import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import QuizTimer from './QuizTimer.vue'
import { createAppI18n } from '../../i18n'

function timer(seconds: number, announced: number | null = null, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(QuizTimer, { props: { seconds, announced }, global: { plugins: [createAppI18n(locale)] } })
}

describe('QuizTimer', () => {
  it('shows the time left and gives it a spoken name', () => {
    const wrapper = timer(754)
    const value = wrapper.find('[role="timer"]')
    expect(value.text()).toBe('12:34')
    expect(value.attributes('aria-label')).toBe('剩余 12 分 34 秒')
    expect(wrapper.attributes('data-level')).toBe('normal')
    expect(wrapper.find('[role="status"]').text()).toBe('')
  })

  it('turns amber at five minutes and red at one, with a changed icon', () => {
    const normal = timer(400).find('svg').html()
    const warning = timer(300)
    expect(warning.attributes('data-level')).toBe('warning')
    expect(warning.find('svg').html()).not.toBe(normal)
    expect(timer(60).attributes('data-level')).toBe('danger')
  })

  it('announces five and one minute politely, in both languages', () => {
    expect(timer(299, 300).find('[aria-live="polite"]').text()).toBe('还剩 5 分钟')
    expect(timer(59, 60).find('[aria-live="polite"]').text()).toBe('还剩 1 分钟')
    expect(timer(299, 300, 'en').find('[aria-live="polite"]').text()).toBe('5 minutes left')
    expect(timer(59, 60, 'en').find('[aria-live="polite"]').text()).toBe('1 minute left')
  })
})
