// Settings → backup and restore, and the recovery screen, against the built UI
// with the backend mocked: the list shows each backup's kind, date and size,
// "back up now" adds one (its toast shows it in the file manager), a learner cannot restore, an instructor restores
// after confirming, and a damaged database sends the first screen to recovery.
import { expect, test } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { installLearnerMock, type MockProfile } from './learner-records-mock'
import { communityOps } from './fixtures/community-ops'
import { installDamagedDatabaseMock } from './recovery-mock'

const learner: MockProfile = { id: 'p1', displayName: '小王', role: 'learner', avatarColour: '#2f6f5e', lastUsedAt: '2026-12-01T08:00:00Z' }
const instructor: MockProfile = { ...learner, id: 'p2', displayName: '李老师', role: 'instructor', pin: '246810' }

test('the backup panel lists backups, makes one now, and keeps restoring for instructors', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installLearnerMock(page, { profiles: [learner, instructor], activeId: 'p1', courses: [communityOps] })
  await page.goto('/#/settings')
  const panel = page.getByTestId('backup-settings')
  await expect(panel.getByRole('heading', { name: '备份与恢复' })).toBeVisible()
  await expect(panel.getByTestId('backup-row')).toHaveCount(1)
  await expect(panel.getByTestId('backup-row').first()).toContainText('每日自动')
  await expect(panel.getByTestId('backup-row').first()).toContainText('180')
  await expect(panel).toContainText('最近 7 天')

  await panel.getByTestId('backup-create').click()
  await expect(panel.getByTestId('backup-row')).toHaveCount(2)
  await expect(panel.getByTestId('backup-row').first()).toContainText('手动')
  // The toast offers to show the new backup in the file manager.
  const toast = page.getByTestId('toast').filter({ hasText: '已备份' })
  await toast.getByRole('button', { name: '在文件夹中显示' }).click()
  const [reveal] = await argsSent(page, 'plugin:opener|reveal_item_in_dir')
  expect(reveal.paths).toEqual([expect.stringMatching(/^\/home\/learner\/\.local\/share\/qunxue\/backups\/qunxue-.*-manual\.db$/)])
  // Learners see why they cannot restore; the buttons are disabled.
  await expect(panel).toContainText('只有讲师或管理员可以恢复备份')
  await expect(panel.getByTestId('backup-restore').first()).toBeDisabled()
})

test('an instructor restores a backup after confirming', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installLearnerMock(page, { profiles: [learner, instructor], activeId: 'p2', courses: [communityOps] })
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, Record<string, unknown>>
    w.__QUNXUE_EXTRA_HANDLERS__ ??= {}
    w.__QUNXUE_EXTRA_HANDLERS__.restore_backup = () => ({
      restoredFrom: 'qunxue-20261201T080000.000Z-daily.db',
      replacedKeptAt: '/data/qunxue.db.replaced-20261201T090000.000Z',
    })
  })
  await page.goto('/#/settings')
  const panel = page.getByTestId('backup-settings')
  await panel.getByTestId('backup-restore').first().click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog).toContainText('恢复这份备份？')
  await dialog.getByRole('button', { name: '恢复' }).click()
  await expect(dialog).toBeHidden()
  expect(await argsSent(page, 'restore_backup')).toEqual([{ fileName: 'qunxue-20261201T080000.000Z-daily.db' }])
})

test('a damaged database opens the recovery screen with the latest backup first', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installDamagedDatabaseMock(page)
  await page.goto('/')
  const screen = page.getByTestId('recovery-screen')
  await expect(screen.getByRole('heading', { level: 1, name: '数据库需要修复' })).toBeVisible()
  await expect(screen.getByTestId('recovery-problem')).toContainText('database disk image is malformed')
  await expect(screen.getByTestId('recovery-restore-latest')).toBeVisible()
  await expect(screen).toContainText('导入课程前')
  await expect(screen.getByTestId('recovery-start-fresh')).toBeVisible()
})
