import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import FirstRunDialog from './FirstRunDialog.vue'
import { mountScreen } from '../../test/mount'

type Call = { cmd: string; args: unknown }

function backend(calls: Call[]) {
  mockIPC((cmd, args) => {
    calls.push({ cmd, args })
    if (cmd === 'set_up_personal_machine') return { machineUse: 'personal', learnerPinsRequired: false, hasAdmin: false, unconfirmedAdmins: 0 }
    if (cmd === 'set_up_shared_machine') {
      const profile = { id: 'a1', displayName: '周店长', role: 'admin', avatarColour: '#2f6f5e', createdAt: '', lastUsedAt: '', needsPin: true, active: true }
      return { profile, recoveryCode: 'HD7K-2Q3M-9XTB-41RC' }
    }
    return null
  })
}

afterEach(() => clearMocks())

describe('FirstRunDialog', () => {
  it('sets up a personal machine with the learner’s name', async () => {
    const calls: Call[] = []
    backend(calls)
    const { wrapper } = await mountScreen(FirstRunDialog)
    await wrapper.get('[data-testid="first-run-personal"]').trigger('click')
    await wrapper.get('[data-testid="first-run-name"]').setValue(' 小林 ')
    await wrapper.get('#first-run-form').trigger('submit')
    await flushPromises()
    expect(calls).toContainEqual({ cmd: 'set_up_personal_machine', args: { displayName: '小林' } })
    expect(wrapper.emitted('done')).toHaveLength(1)
  })

  it('sets up the admin of a shared machine only with matching PINs, then shows the recovery code once', async () => {
    const calls: Call[] = []
    backend(calls)
    const { wrapper } = await mountScreen(FirstRunDialog)
    await wrapper.get('[data-testid="first-run-shared"]').trigger('click')
    await wrapper.get('[data-testid="first-run-name"]').setValue('周店长')
    await wrapper.get('[data-testid="first-run-pin-first"]').setValue('135790')
    await wrapper.get('[data-testid="first-run-pin-second"]').setValue('135791')
    expect(wrapper.get('[data-testid="first-run-submit"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('两次输入的 PIN 不一致')
    await wrapper.get('[data-testid="first-run-pin-second"]').setValue('135790')
    expect(wrapper.get('[data-testid="first-run-submit"]').attributes('disabled')).toBeUndefined()
    await wrapper.get('#first-run-form').trigger('submit')
    await flushPromises()
    expect(calls).toContainEqual({
      cmd: 'set_up_shared_machine',
      args: { setup: { adminName: '周店长', pin: '135790', learnerPinsRequired: true } },
    })
    expect(wrapper.get('[data-testid="recovery-code"]').text()).toBe('HD7K-2Q3M-9XTB-41RC')
    // Going on needs the person to say they kept it.
    expect(wrapper.get('[data-testid="recovery-done"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="recovery-kept"]').setValue(true)
    await wrapper.get('[data-testid="recovery-done"]').trigger('click')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })
})
