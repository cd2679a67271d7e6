import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import HighlightedText from './HighlightedText.vue'

describe('HighlightedText', () => {
  it('marks hits and keeps markup as text', () => {
    const wrapper = mount(HighlightedText, {
      props: {
        segments: [
          { text: '<img src=x onerror=alert(1)> 做好', hit: false },
          { text: '社群', hit: true },
          { text: '裂变', hit: false },
        ],
      },
    })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.findAll('mark').map((m) => m.text())).toEqual(['社群'])
    expect(wrapper.text()).toBe('<img src=x onerror=alert(1)> 做好社群裂变')
  })
})
