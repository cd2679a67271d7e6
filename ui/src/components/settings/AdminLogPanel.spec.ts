import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import AdminLogPanel from './AdminLogPanel.vue'
import { mountScreen } from '../../test/mount'
import { refreshProfiles } from '../../composables/useActiveProfile'

function backend(role: string, calls: string[]) {
  mockIPC((cmd) => {
    calls.push(cmd)
    if (cmd === 'list_profiles') {
      const me = { id: 'p1', displayName: '周店长', role, avatarColour: '#2f6f5e', createdAt: '', lastUsedAt: '', needsPin: role !== 'learner', active: true }
      return { profiles: [me], needsFirstAdmin: false, learnerPinsRequired: false }
    }
    if (cmd === 'session_status') return { profileId: 'p1', role, locked: false, idleLockMinutes: 10 }
    if (cmd === 'machine_setup' || cmd === 'set_learner_pins_required') {
      return { machineUse: 'shared', learnerPinsRequired: cmd === 'set_learner_pins_required', hasAdmin: true, unconfirmedAdmins: 0 }
    }
    if (cmd === 'admin_log') {
      return [
        { at: '2026-12-01T09:30:00.000Z', actorId: 'p1', actorName: '周店长', action: 'remove_course', detail: 'acme.demo 门店社群入门（3 人的记录 / records of 3 people）' },
        { at: '2026-12-01T09:00:00.000Z', actorId: 'p1', actorName: '周店长', action: 'import_pack', detail: 'qunxue.community-ops 1.0.0 (installed)' },
      ]
    }
    return null
  })
}

afterEach(() => clearMocks())

describe('AdminLogPanel', () => {
  it('shows an admin who did what, in words', async () => {
    const calls: string[] = []
    backend('admin', calls)
    await refreshProfiles(true)
    const { wrapper } = await mountScreen(AdminLogPanel)
    await flushPromises()
    const rows = wrapper.findAll('[data-testid="admin-log-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('移除课程')
    expect(rows[0].text()).toContain('周店长')
    expect(rows[1].text()).toContain('导入课程')
    expect((wrapper.get('[data-testid="idle-minutes"]').element as HTMLInputElement).value).toBe('10')
  })

  it('is not shown to anyone else, and asks the backend for nothing', async () => {
    const calls: string[] = []
    backend('instructor', calls)
    await refreshProfiles(true)
    const { wrapper } = await mountScreen(AdminLogPanel)
    await flushPromises()
    expect(wrapper.find('[data-testid="admin-log"]').exists()).toBe(false)
    expect(calls).not.toContain('admin_log')
  })

  it('lets an admin require a PIN for every profile', async () => {
    const calls: string[] = []
    backend('admin', calls)
    await refreshProfiles(true)
    const { wrapper } = await mountScreen(AdminLogPanel)
    await flushPromises()
    const box = wrapper.get('[data-testid="pins-required"]')
    expect((box.element as HTMLInputElement).checked).toBe(false)
    await box.setValue(true)
    await flushPromises()
    expect(calls).toContain('set_learner_pins_required')
    expect((box.element as HTMLInputElement).checked).toBe(true)
  })
})
