// Background failures over every screen, against the built UI with the
// backend mocked: a failed backup and a failing LRS show as a banner with a
// badge on the settings cog, the banner's link leads to the settings, and an
// instructor finds the log folder and its export under Settings.
import { expect, test } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { installLearnerMock, type MockProfile } from './learner-records-mock'
import { communityOps } from './fixtures/community-ops'

const instructor: MockProfile = { id: 'p2', displayName: '李老师', role: 'instructor', avatarColour: '#2f6f5e', lastUsedAt: '2026-12-01T08:00:00Z', pin: '246810' }

test('background failures show a banner and a badge, and the logs are one click away', async ({ page }) => {
  await page.addInitScript(() => {
    ;(window as unknown as { __qunxueHealth: unknown[] }).__qunxueHealth = [
      { kind: 'backup', at: '2026-12-07T00:30:00Z', detail: 'cannot write /home/learner/.local/share/qunxue/backups' },
      { kind: 'sync', pending: 12, since: '2026-12-07T01:00:00Z', attempts: 4, nextTryAt: '2026-12-07T01:20:00Z', detail: 'connection reset by peer' },
    ]
  })
  await installTauriMock(page, { courses: [communityOps] })
  await installLearnerMock(page, { profiles: [instructor], activeId: 'p2', courses: [communityOps] })
  await page.goto('/#/')
  const banner = page.getByTestId('health-banner')
  await expect(banner.getByTestId('health-problem')).toHaveCount(2)
  await expect(banner).toContainText('自动备份失败')
  await expect(banner).toContainText('12 条记录等待发送')
  await expect(page.getByTestId('settings-badge')).toBeVisible()
  await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-label', '设置（有需要注意的问题）')

  await banner.getByTestId('health-action').first().click()
  await expect(page.getByTestId('settings-screen')).toBeVisible()
  const logs = page.getByTestId('logs-settings')
  await expect(logs.getByTestId('log-folder')).toContainText('/home/learner/.local/share/org.qunxue.desktop/logs')
  await logs.getByTestId('open-log-folder').click()
  const [reveal] = await argsSent(page, 'plugin:opener|reveal_item_in_dir')
  expect(reveal.paths).toEqual(['/home/learner/.local/share/org.qunxue.desktop/logs'])
})
