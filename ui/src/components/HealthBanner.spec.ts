import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import HealthBanner from './HealthBanner.vue'
import { mountScreen } from '../test/mount'
import { refreshHealth } from '../composables/useHealth'
import type { HealthProblem } from '../api/health'

async function bannerWith(problems: HealthProblem[]) {
  mockIPC((cmd) => (cmd === 'app_health' ? { problems } : null))
  await refreshHealth()
  const { wrapper } = await mountScreen(HealthBanner)
  await flushPromises()
  return wrapper
}

afterEach(() => clearMocks())

describe('HealthBanner', () => {
  it('tells a learner that records wait, without an error or a link to settings they cannot change', async () => {
    const wrapper = await bannerWith([{ kind: 'sync', pending: 7, since: '2026-12-07T01:00:00Z', attempts: 3, nextTryAt: null, detail: null }])
    const problem = wrapper.get('[data-testid="health-problem"]')
    expect(problem.text()).toContain('学习记录还没有发送')
    expect(problem.text()).toContain('有 7 条学习记录在本机等待发送')
    expect(problem.find('[data-testid="health-detail"]').exists()).toBe(false)
    expect(problem.find('[data-testid="health-action"]').exists()).toBe(false)
  })

  it('gives an instructor the error, the failures so far and a way to the settings', async () => {
    const wrapper = await bannerWith([
      { kind: 'sync', pending: 7, since: '2026-12-07T01:00:00Z', attempts: 3, nextTryAt: '2026-12-07T01:05:00Z', detail: 'connection reset', detailZh: '连接被重置' },
      { kind: 'backup', at: '2026-12-07T00:30:00Z', detail: 'cannot write /data/backups' },
    ])
    const problems = wrapper.findAll('[data-testid="health-problem"]')
    expect(problems.map((p) => p.attributes('data-kind'))).toEqual(['sync', 'backup'])
    expect(problems[0].text()).toContain('已连续失败 3 次')
    // The Chinese interface shows the Chinese detail; without one, the English.
    expect(problems[0].get('[data-testid="health-detail"]').text()).toBe('错误信息：连接被重置')
    expect(problems[1].get('[data-testid="health-detail"]').text()).toBe('错误信息：cannot write /data/backups')
    expect(problems[1].get('[data-testid="health-action"]').text()).toBe('去“设置 → 备份”立即备份')
  })

  it('hides a problem until it changes', async () => {
    const wrapper = await bannerWith([{ kind: 'database', detail: null }])
    await wrapper.get('[data-testid="health-dismiss"]').trigger('click')
    expect(wrapper.find('[data-testid="health-banner"]').exists()).toBe(false)
  })

  it('shows nothing when all is well', async () => {
    const wrapper = await bannerWith([])
    expect(wrapper.find('[data-testid="health-banner"]').exists()).toBe(false)
  })
})
