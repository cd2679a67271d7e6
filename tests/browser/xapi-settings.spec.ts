// Settings → learning record sync (xAPI), against the built UI with the
// backend mocked: the panel shows the outbox status, never the password,
// "sync now" sends and says how many went; an instructor sees it read-only, a
// learner not at all, and an administrator can change where records go
// (saving keeps the stored password).
import { expect, test } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { installLearnerMock, type MockProfile } from './learner-records-mock'
import { communityOps } from './fixtures/community-ops'

const learner: MockProfile = { id: 'p1', displayName: '小王', role: 'learner', avatarColour: '#2f6f5e', lastUsedAt: '2026-12-01T08:00:00Z' }
const admin: MockProfile = { ...learner, id: 'p9', displayName: '管理员', role: 'admin' }
const instructor: MockProfile = { ...learner, id: 'p5', displayName: '王老师', role: 'instructor' }

test('a learner sees no LRS settings', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installLearnerMock(page, { profiles: [learner, admin], activeId: 'p1', courses: [communityOps] })
  await page.goto('/#/settings')
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible()
  await expect(page.getByTestId('xapi-settings')).toHaveCount(0)
})

test('the xAPI panel shows the outbox, syncs now, and is read-only for instructors', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installLearnerMock(page, { profiles: [learner, instructor, admin], activeId: 'p5', courses: [communityOps] })
  await page.goto('/#/settings')
  const panel = page.getByTestId('xapi-settings')
  await expect(panel.getByRole('heading', { name: '学习记录同步（xAPI）' })).toBeVisible()
  await expect(panel.getByTestId('xapi-pending')).toHaveText('待发送 7 条')
  await expect(panel.getByTestId('xapi-status')).toContainText('已发送 128 条')
  await expect(panel.getByTestId('xapi-endpoint')).toHaveValue('https://lrs.example.com/xAPI')
  await expect(panel.getByTestId('xapi-password')).toHaveValue('')
  await expect(panel.getByTestId('xapi-password')).toHaveAttribute('placeholder', '已保存密码（留空则保持不变）')
  await expect(panel).toContainText('只有管理员可以修改这些设置。')
  await expect(panel.getByTestId('xapi-save')).toBeDisabled()

  await panel.getByTestId('xapi-sync-now').click()
  await expect(page.getByText('已发送 7 条记录，剩余 0 条。')).toBeVisible()
})

test('an administrator saves the LRS settings without resending the password', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installLearnerMock(page, { profiles: [learner, admin], activeId: 'p9', courses: [communityOps] })
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, Record<string, (args: Record<string, unknown>) => unknown>>
    w.__QUNXUE_EXTRA_HANDLERS__ ??= {}
    w.__QUNXUE_EXTRA_HANDLERS__.xapi_save_settings = (args) => {
      const input = args.input as Record<string, string>
      return { endpoint: input.endpoint, username: input.username, passwordSet: true, passwordKeptIn: 'keyring', iriBase: input.iriBase, marksArriveBy: input.marksArriveBy }
    }
  })
  await page.goto('/#/settings')
  const panel = page.getByTestId('xapi-settings')
  await panel.getByTestId('xapi-endpoint').fill('https://lrs.company.cn/xAPI')
  await panel.getByTestId('xapi-save').click()
  await expect(page.getByText('学习记录服务器设置已保存。')).toBeVisible()
  const saved = await argsSent(page, 'xapi_save_settings')
  expect(saved).toEqual([
    {
      input: {
        endpoint: 'https://lrs.company.cn/xAPI',
        username: 'qunxue-desktops',
        password: null,
        iriBase: 'https://learn.example.com/xapi',
        marksArriveBy: 'bundle',
      },
    },
  ])
})
