import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import ConfirmDialog from './ConfirmDialog.vue'
import { createAppI18n } from '../i18n'

// Dialogs keep a stack of open modals: unmount each test's tree properly.
enableAutoUnmount(afterEach)

afterEach(() => {
  document.body.innerHTML = ''
})

// A page with a button that opens the confirmation, as the library does.
const Host = defineComponent({
  props: { busy: Boolean, error: { type: String, default: null } },
  emits: ['confirm'],
  setup(props, { emit }) {
    const open = ref(false)
    return () => [
      h('button', { id: 'opener', onClick: () => (open.value = true) }, 'remove'),
      open.value
        ? h(
            ConfirmDialog,
            {
              title: '移除课程“社群运营实战”？',
              confirmLabel: '移除课程',
              busyLabel: '正在移除…',
              busy: props.busy,
              error: props.error,
              onConfirm: () => emit('confirm'),
              onCancel: () => (open.value = false),
            },
            () => h('p', '学习进度也会一并删除。'),
          )
        : null,
    ]
  },
})

async function openHost(props: Record<string, unknown> = {}) {
  const wrapper = mount(Host, { props, attachTo: document.body, global: { plugins: [createAppI18n('zh-CN')] } })
  const opener = wrapper.find('#opener')
  ;(opener.element as HTMLElement).focus()
  await opener.trigger('click')
  await flushPromises()
  return wrapper
}

function press(key: string, shiftKey = false): void {
  const event = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true })
  ;(document.activeElement ?? document).dispatchEvent(event)
}

describe('ConfirmDialog', () => {
  it('is an alert dialog named by its title and described by its text', async () => {
    const wrapper = await openHost()
    const dialog = wrapper.find('[role="alertdialog"]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    expect(document.getElementById(dialog.attributes('aria-labelledby')!)?.textContent).toBe('移除课程“社群运营实战”？')
    expect(document.getElementById(dialog.attributes('aria-describedby')!)?.textContent).toBe('学习进度也会一并删除。')
    expect(document.documentElement.classList.contains('has-modal')).toBe(true)
  })

  it('starts on cancel, keeps Tab inside and gives focus back when Esc cancels', async () => {
    const wrapper = await openHost()
    const buttons = wrapper.findAll('[role="alertdialog"] button').map((b) => b.element)
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['', '取消', '移除课程'])
    expect(document.activeElement?.textContent?.trim()).toBe('取消')

    // From the last control, Tab wraps to the first (the close button) …
    ;(buttons[2] as HTMLElement).focus()
    press('Tab')
    expect(document.activeElement).toBe(buttons[0])
    // … and Shift+Tab from the first wraps to the last.
    press('Tab', true)
    expect(document.activeElement).toBe(buttons[2])

    // Focus that escapes (a click behind the overlay) is pulled back in.
    ;(wrapper.find('#opener').element as HTMLElement).focus()
    expect(wrapper.find('[role="alertdialog"]').element.contains(document.activeElement)).toBe(true)

    press('Escape')
    await nextTick()
    await flushPromises()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.find('#opener').element)
    expect(document.documentElement.classList.contains('has-modal')).toBe(false)
  })

  it('confirms with the confirm button only', async () => {
    const wrapper = await openHost()
    await wrapper.find('[data-testid="confirm-action"]').trigger('click')
    expect(wrapper.emitted('confirm')).toHaveLength(1)
  })

  it('while busy: says so, and cannot be cancelled or confirmed twice', async () => {
    const wrapper = await openHost({ busy: true })
    const action = wrapper.find('[data-testid="confirm-action"]')
    expect(action.text()).toBe('正在移除…')
    expect(action.attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid="dialog-close"]').exists()).toBe(false)
    press('Escape')
    await flushPromises()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(true)
  })

  it('shows why the action failed', async () => {
    const wrapper = await openHost({ error: '没能移除课程：database is locked' })
    expect(wrapper.find('[role="alert"]').text()).toBe('没能移除课程：database is locked')
  })
})
