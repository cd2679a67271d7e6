import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import SessionLockDialog from './SessionLockDialog.vue'
import { mountScreen } from '../test/mount'
import { refreshProfiles } from '../composables/useActiveProfile'
import { useSessionLock } from '../composables/useSessionLock'
import { call } from '../api/client'

enableAutoUnmount(afterEach)
afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

const teacher = { id: 'p-wang', displayName: '王老师', role: 'instructor', avatarColour: '#2f6f5e', createdAt: '', lastUsedAt: '', needsPin: true, active: true }

describe('SessionLockDialog', () => {
  it('opens when the backend refuses a locked session, and the PIN brings the screen back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const pins: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'list_profiles') return { profiles: [teacher], needsFirstAdmin: false, learnerPinsRequired: false }
      if (cmd === 'marking_queue') {
        return Promise.reject({ kind: 'forbidden', message: '批改简答题需要先输入这个档案的 PIN', remedy: 'unlock' })
      }
      if (cmd === 'switch_profile') {
        pins.push((args as { pin: string }).pin)
        return pins.length === 1
          ? { status: 'wrong_pin', triesLeft: 4 }
          : { status: 'switched', profile: teacher }
      }
      return null
    })
    await refreshProfiles(true)
    const { locked } = useSessionLock()
    await expect(call('marking_queue')).rejects.toMatchObject({ kind: 'forbidden', remedy: 'unlock' })
    expect(locked.value).toBe(true)

    const { wrapper, router } = await mountScreen(SessionLockDialog, { attachTo: document.body }, '/teach/short-answers')
    await flushPromises()
    expect(document.body.textContent).toContain('这个档案已锁定')
    const input = () => document.querySelector<HTMLInputElement>('[data-testid="pin-input"]')!
    input().value = '000000'
    input().dispatchEvent(new Event('input'))
    document.querySelector<HTMLFormElement>('#pin-form')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(document.querySelector('[data-testid="pin-message"]')?.textContent).toContain('还可以再试 4 次')
    input().value = '135790'
    input().dispatchEvent(new Event('input'))
    document.querySelector<HTMLFormElement>('#pin-form')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(pins).toEqual(['000000', '135790'])
    expect(locked.value).toBe(false)
    expect(router.currentRoute.value.path).toBe('/teach/short-answers')
    expect(router.currentRoute.value.query.unlocked).toBeDefined()
    wrapper.unmount()
  })
})
