import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import ProfilePickerView from './ProfilePickerView.vue'
import { mountScreen } from '../test/mount'
import { resetScreenState } from '../lib/screen'
import type { ProfileList, ProfileView } from '../api/profiles'

function profile(id: string, name: string, extra: Partial<ProfileView> = {}): ProfileView {
  return {
    id,
    displayName: name,
    role: 'learner',
    avatarColour: '#1d4ed8',
    createdAt: '2026-03-01T09:00:00Z',
    lastUsedAt: '2026-03-01T09:00:00Z',
    needsPin: false,
    active: false,
    ...extra,
  }
}

const list: ProfileList = {
  profiles: [
    profile('p1', '王小丽', { active: true }),
    profile('p2', '李老师', { role: 'instructor', needsPin: true, avatarColour: '#be185d' }),
  ],
  needsFirstAdmin: false, learnerPinsRequired: false,
}

let calls: [string, Record<string, unknown>][] = []

beforeEach(() => {
  resetScreenState()
  vi.spyOn(console, 'error').mockImplementation(() => {})
  calls = []
})
afterEach(() => clearMocks())

function backend(switchAnswers: unknown[]): void {
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    if (cmd === 'list_profiles') return list
    if (cmd === 'switch_profile') return switchAnswers.shift()
    return null
  })
}

describe('ProfilePickerView', () => {
  it('shows every profile with initials, role and the active one marked', async () => {
    backend([])
    const { wrapper } = await mountScreen(ProfilePickerView, {}, '/profiles')
    await flushPromises()
    const cards = wrapper.findAll('[data-testid="profile-card"]')
    expect(cards).toHaveLength(2)
    expect(cards[0].find('.avatar').text()).toBe('小丽')
    expect(cards[0].text()).toContain('正在使用')
    expect(cards[1].text()).toContain('讲师')
    expect(cards[1].find('.avatar').attributes('style')).toContain('background: rgb(190, 24, 93)')
  })

  it('asks an instructor for the PIN and shows the backend’s answers', async () => {
    backend([
      { status: 'wrong_pin', triesLeft: 4 },
      { status: 'locked', retryAfterSeconds: 30 },
      { status: 'switched', profile: { ...list.profiles[1], active: true } },
    ])
    const { wrapper, router } = await mountScreen(ProfilePickerView, { attachTo: document.body }, '/profiles')
    await flushPromises()
    await wrapper.find('[data-testid="profile-use-p2"]').trigger('click')
    await flushPromises()
    expect(calls.some(([cmd]) => cmd === 'switch_profile')).toBe(false)
    const dialog = () => document.querySelector<HTMLElement>('[data-testid="pin-dialog"]')
    expect(dialog()?.textContent).toContain('输入“李老师”的 PIN')

    const submit = async (pin: string) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="pin-input"]')!
      input.value = pin
      input.dispatchEvent(new Event('input'))
      document.querySelector<HTMLFormElement>('#pin-form')!.dispatchEvent(new Event('submit'))
      await flushPromises()
    }
    await submit('0000')
    expect(calls.filter(([cmd]) => cmd === 'switch_profile').at(-1)).toEqual(['switch_profile', { profileId: 'p2', pin: '0000' }])
    expect(dialog()?.textContent).toContain('PIN 不正确，还可以再试 4 次。')
    await submit('1111')
    expect(dialog()?.textContent).toContain('错误次数过多，请 30 秒后再试。')
    await submit('246810')
    expect(dialog()).toBeNull()
    expect(router.currentRoute.value.name).toBe('learner-home')
    wrapper.unmount()
  })

  it('switches to a learner without a PIN', async () => {
    backend([{ status: 'switched', profile: { ...list.profiles[0], active: true } }])
    const { wrapper } = await mountScreen(ProfilePickerView, {}, '/profiles')
    await flushPromises()
    await wrapper.find('[data-testid="profile-use-p1"]').trigger('click')
    await flushPromises()
    expect(calls.filter(([cmd]) => cmd === 'switch_profile')).toEqual([['switch_profile', { profileId: 'p1', pin: null }]])
  })
})
