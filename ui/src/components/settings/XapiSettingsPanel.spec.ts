import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import XapiSettingsPanel from './XapiSettingsPanel.vue'
import { mountScreen } from '../../test/mount'
import { useToasts } from '../../composables/useToast'
import { refreshProfiles } from '../../composables/useActiveProfile'
import type { Role } from '../../api/profiles'

type Call = [string, Record<string, unknown>]
let calls: Call[]
let role: Role
let status: Record<string, unknown>
let syncResult: () => unknown

function profileList() {
  return {
    needsFirstAdmin: false, learnerPinsRequired: false,
    profiles: [
      {
        id: 'p1', displayName: '管理员', role, avatarColour: '#336699', createdAt: '2026-12-01T00:00:00Z',
        lastUsedAt: '2026-12-01T00:00:00Z', needsPin: false, active: true,
      },
    ],
  }
}

beforeEach(async () => {
  calls = []
  role = 'admin'
  status = { configured: true, pending: 12, sent: 30, lastSuccessAt: '2026-12-01T08:00:00Z', lastError: null, lastErrorAt: null }
  syncResult = () => {
    status = { ...status, pending: 0, sent: 42 }
    return { sent: 12, batches: 1, pending: 0, marksApplied: null }
  }
  mockIPC((cmd, args) => {
    calls.push([cmd, (args ?? {}) as Record<string, unknown>])
    if (cmd === 'list_profiles') return profileList()
    if (cmd === 'xapi_settings') {
      return { endpoint: 'https://lrs.example.com/xAPI', username: 'qunxue', passwordSet: true, passwordKeptIn: 'keyring', iriBase: 'https://learn.example.com/xapi', marksArriveBy: 'bundle' }
    }
    if (cmd === 'xapi_status') return status
    if (cmd === 'xapi_save_settings') {
      const input = (args as { input: Record<string, unknown> }).input
      return { endpoint: input.endpoint, username: input.username, passwordSet: true, passwordKeptIn: 'keyring', iriBase: input.iriBase, marksArriveBy: input.marksArriveBy }
    }
    if (cmd === 'xapi_sync_now') return syncResult()
    return null
  })
  await refreshProfiles(true)
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  clearMocks()
  vi.restoreAllMocks()
})

describe('XapiSettingsPanel', () => {
  it('shows the outbox status and never the password', async () => {
    const { wrapper } = await mountScreen(XapiSettingsPanel)
    await flushPromises()
    expect(wrapper.get('[data-testid="xapi-pending"]').text()).toBe('待发送 12 条')
    expect(wrapper.get('[data-testid="xapi-status"]').text()).toContain('已发送 30 条')
    const password = wrapper.get('[data-testid="xapi-password"]').element as HTMLInputElement
    expect(password.value).toBe('')
    expect(password.placeholder).toBe('已保存密码（留空则保持不变）')
    expect((wrapper.get('[data-testid="xapi-endpoint"]').element as HTMLInputElement).value).toBe('https://lrs.example.com/xAPI')
  })

  it('saves without a password to keep the stored one, and with one to replace it', async () => {
    const { wrapper } = await mountScreen(XapiSettingsPanel)
    await flushPromises()
    await wrapper.get('[data-testid="xapi-endpoint"]').setValue('https://lrs2.example.com/xAPI')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const first = calls.filter(([cmd]) => cmd === 'xapi_save_settings').map(([, args]) => args.input)
    expect(first).toEqual([
      { endpoint: 'https://lrs2.example.com/xAPI', username: 'qunxue', password: null, iriBase: 'https://learn.example.com/xapi', marksArriveBy: 'bundle' },
    ])
    await wrapper.get('[data-testid="xapi-password"]').setValue('n3w')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const saves = calls.filter(([cmd]) => cmd === 'xapi_save_settings')
    expect((saves[1][1].input as { password: string }).password).toBe('n3w')
    expect((wrapper.get('[data-testid="xapi-password"]').element as HTMLInputElement).value).toBe('')
  })

  it('syncs now and shows the new counts; a failure is shown with its reason', async () => {
    const { wrapper } = await mountScreen(XapiSettingsPanel)
    await flushPromises()
    await wrapper.get('[data-testid="xapi-sync-now"]').trigger('click')
    await flushPromises()
    expect(calls.some(([cmd]) => cmd === 'xapi_sync_now')).toBe(true)
    expect(wrapper.get('[data-testid="xapi-pending"]').text()).toBe('待发送 0 条')

    status = { ...status, pending: 3 }
    syncResult = () => Promise.reject({ kind: 'invalid_input', message: '无法连接学习记录服务器 https://lrs.example.com/xAPI/statements' })
    const again = (await mountScreen(XapiSettingsPanel)).wrapper
    await flushPromises()
    await again.get('[data-testid="xapi-sync-now"]').trigger('click')
    await flushPromises()
    expect(again.get('[data-testid="xapi-problem"]').text()).toContain('无法连接学习记录服务器')
    expect(again.get('[data-testid="xapi-pending"]').text()).toBe('待发送 3 条')
  })

  it('switches to company mode, where sync now also fetches marks and says how many', async () => {
    const { wrapper } = await mountScreen(XapiSettingsPanel)
    await flushPromises()
    await wrapper.get('input[value="lrs"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const saved = calls.filter(([cmd]) => cmd === 'xapi_save_settings').map(([, args]) => args.input as { marksArriveBy: string })
    expect(saved.map((input) => input.marksArriveBy)).toEqual(['lrs'])

    // Nothing left to send, but in company mode syncing still fetches marks.
    status = { ...status, pending: 0 }
    syncResult = () => ({ sent: 0, batches: 0, pending: 0, marksApplied: 2 })
    const again = (await mountScreen(XapiSettingsPanel)).wrapper
    await flushPromises()
    await again.get('input[value="lrs"]').setValue(true)
    const button = again.get('[data-testid="xapi-sync-now"]')
    expect(button.attributes('disabled')).toBeUndefined()
    await button.trigger('click')
    await flushPromises()
    expect(useToasts().toasts.map((toast) => toast.message)).toContain('已发送 0 条记录，剩余 0 条；取回 2 项批改结果。')
  })

  it('lets only an administrator change the settings', async () => {
    role = 'instructor'
    await refreshProfiles(true)
    const { wrapper } = await mountScreen(XapiSettingsPanel)
    await flushPromises()
    expect(wrapper.text()).toContain('只有管理员可以修改这些设置。')
    expect(wrapper.get('fieldset').attributes('disabled')).toBeDefined()
  })

  it('shows a learner nothing of the LRS and never asks the backend for it', async () => {
    role = 'learner'
    await refreshProfiles(true)
    const { wrapper } = await mountScreen(XapiSettingsPanel)
    await flushPromises()
    expect(wrapper.find('[data-testid="xapi-settings"]').exists()).toBe(false)
    expect(calls.some(([cmd]) => cmd === 'xapi_settings' || cmd === 'xapi_status')).toBe(false)
  })
})
