import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ModuleBody from './ModuleBody.vue'
import { mountScreen } from '../test/mount'

const TASK_LIST = '<ul><li><input disabled="" type="checkbox" checked=""> 能说出社群的三个要素</li><li><input disabled="" type="checkbox"> 能举例说明</li></ul>'

describe('ModuleBody', () => {
  it('names each task-list checkbox after its item, for screen readers', async () => {
    const { wrapper } = await mountScreen(ModuleBody, { props: { html: TASK_LIST } })
    const boxes = wrapper.findAll('input[type="checkbox"]')
    expect(boxes.map((b) => b.attributes('aria-label'))).toEqual(['能说出社群的三个要素', '能举例说明'])

    await wrapper.setProps({ html: '<ul><li><input disabled="" type="checkbox"> 新的一项</li></ul>' })
    await nextTick()
    expect(wrapper.get('input[type="checkbox"]').attributes('aria-label')).toBe('新的一项')
  })
})
