// Mounts a component the way the app does: with the real routes (in memory)
// and the real zh-CN messages, so tests read what a learner reads.
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { routes } from '../router'
import { createAppI18n } from '../i18n'

export async function mountScreen<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> = {},
  path = '/',
) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(component, {
    ...options,
    global: { plugins: [router, createAppI18n('zh-CN')] },
  } as ComponentMountingOptions<C>)
  return { wrapper, router }
}
