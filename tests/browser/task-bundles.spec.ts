// Task work between machines and the grading view's attachments, against
// the built UI with the backend mocked (tasks-mock.ts, bundles-mock.ts):
// a learner exports their submissions and imports grades bundles (altered
// one refused with its reason, the same one twice changes nothing, a second
// instructor's key is trusted only after the fingerprint is confirmed); an
// instructor sees the saved double-marking switch and imports submissions;
// image attachments show inline and others can be saved as a copy.
// Screenshots `bundle-trust-key.png` and `grading-attachments.png` land in
// target/browser-screenshots/.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { installTasksMock } from './tasks-mock'
import { installBundlesMock, type MockBundle } from './bundles-mock'
import { communityOps } from './fixtures/community-ops'
import { welcomeTask } from '../../ui/src/test/taskFixtures'

const SHOTS = 'target/browser-screenshots'
const task = { ...welcomeTask, courseId: communityOps.id }
const TASK_URL = `/#/courses/${task.courseId}/tasks/${task.id}`
const WANG = 'AB12 CD34 EF56 7890 1A2B'
const CHEN = '9F3C 0D71 52AE 6B84 C2D9'
const bundles: Record<string, MockBundle> = {
  '/usb/成绩包-王老师.zip': { kind: 'grades', bundleId: 'g-1', signerName: '王老师', fingerprint: WANG, added: 2 },
  '/usb/成绩包-陈老师.zip': { kind: 'grades', bundleId: 'g-2', signerName: '陈老师', fingerprint: CHEN, added: 1 },
  '/usb/改过的成绩包.zip': { kind: 'grades', bundleId: 'g-3', signerName: '王老师', fingerprint: WANG, added: 1, tampered: true },
  '/usb/作业包-林小雨.zip': { kind: 'submissions', bundleId: 's-1', signerName: '林小雨', fingerprint: WANG, added: 2 },
}
// A real PNG (the app's 142×142 logo), as the backend would send it.
const LOGO = `data:image/png;base64,${readFileSync('src-tauri/icons/Square142x142Logo.png').toString('base64')}`

test('a learner exchanges work and grades by file, and trusts a second instructor only after checking the fingerprint', async ({
  page,
}) => {
  await installTauriMock(page, {
    courses: [communityOps],
    picks: ['/usb/改过的成绩包.zip', '/usb/成绩包-王老师.zip', '/usb/成绩包-王老师.zip', '/usb/成绩包-陈老师.zip'],
  })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
  await installBundlesMock(page, { bundles, saves: ['/usb/作业包-community-ops.zip'] })

  await page.goto(TASK_URL)
  const exchange = page.getByTestId('bundle-exchange')
  await expect(exchange.getByRole('heading', { name: '通过文件交换作业和成绩' })).toBeVisible()
  await exchange.getByRole('button', { name: '导出我的作业包' }).click()
  await expect(exchange.getByTestId('bundle-outcome')).toHaveText(
    '已导出 2 份作业（含 1 个附件）到 /usb/作业包-community-ops.zip。',
  )
  expect(await argsSent(page, 'bundle_export_submissions')).toEqual([
    { courseId: task.courseId, path: '/usb/作业包-community-ops.zip' },
  ])

  const importGrades = exchange.getByRole('button', { name: '导入成绩包' })
  await importGrades.click()
  await expect(exchange.getByTestId('bundle-refusal')).toContainText('没有导入：作业包签名无效：文件在导出后被改动过')
  await importGrades.click()
  await expect(exchange.getByTestId('bundle-outcome')).toHaveText('已导入「王老师」发布的 2 条成绩。')
  await expect(exchange.getByTestId('bundle-refusal')).toHaveCount(0)
  await importGrades.click()
  await expect(exchange.getByTestId('bundle-outcome')).toHaveText('这个包（来自「王老师」）之前已经导入过，这次没有任何改动。')

  // Another instructor's key: refused, with the fingerprint to compare.
  await importGrades.click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog.getByRole('heading', { name: '信任新的签名密钥？' })).toBeVisible()
  await expect(dialog.getByTestId('bundle-fingerprint')).toHaveText(CHEN)
  await expect(exchange.getByTestId('bundle-refusal')).toContainText('「陈老师」签名，但本机尚未信任它的密钥')
  await page.screenshot({ path: `${SHOTS}/bundle-trust-key.png` })
  // Cancelling trusts nothing.
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(dialog).toHaveCount(0)
  expect(await argsSent(page, 'bundle_trust_key')).toEqual([])
})

test('trusting the confirmed fingerprint imports the second instructor’s grades', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps], picks: ['/usb/成绩包-王老师.zip', '/usb/成绩包-陈老师.zip'] })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
  await installBundlesMock(page, { bundles, saves: [] })

  await page.goto(TASK_URL)
  const exchange = page.getByTestId('bundle-exchange')
  const importGrades = exchange.getByRole('button', { name: '导入成绩包' })
  await importGrades.click()
  await expect(exchange.getByTestId('bundle-outcome')).toHaveText('已导入「王老师」发布的 2 条成绩。')
  await importGrades.click()
  const dialog = page.getByTestId('confirm-dialog')
  await dialog.getByRole('button', { name: '信任并导入' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(exchange.getByTestId('bundle-outcome')).toHaveText('已导入「陈老师」发布的 1 条成绩。')
  expect(await argsSent(page, 'bundle_trust_key')).toEqual([
    { path: '/usb/成绩包-陈老师.zip', kind: 'grades', fingerprint: CHEN },
  ])
  expect((await argsSent(page, 'bundle_import_grades')).map((a) => a.path)).toEqual([
    '/usb/成绩包-王老师.zip',
    '/usb/成绩包-陈老师.zip',
    '/usb/成绩包-陈老师.zip',
  ])
})

test('the instructor sees the saved double-marking switch and imports and exports bundles', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps], picks: ['/usb/作业包-林小雨.zip', '/usb/成绩包'] })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
  await installBundlesMock(page, {
    bundles,
    saves: [],
    queue: [{ versionId: 'v-1', taskId: task.id, taskTitle: task.title, learnerName: '林小雨' }],
    doubleMarked: [task.id],
  })

  await page.goto('/#/teach/tasks')
  await expect(page.getByTestId('queue-row')).toHaveCount(1)
  const double = page.getByTestId('double-marking')
  await expect(double).toBeChecked()
  await double.uncheck()
  await expect(double).not.toBeChecked()
  expect(await argsSent(page, 'grading_set_double_marking')).toEqual([{ courseId: task.courseId, taskId: task.id, on: false }])
  // What is shown is what the backend saved: after a reload it is still off.
  await page.reload()
  await expect(page.getByTestId('queue-row')).toHaveCount(1)
  await expect(page.getByTestId('double-marking')).not.toBeChecked()

  const exchange = page.getByTestId('bundle-exchange')
  await exchange.getByRole('button', { name: '导入学员作业包' }).click()
  await expect(exchange.getByTestId('bundle-outcome')).toHaveText('已导入「林小雨」的 2 份作业。')
  // Grades go out one bundle per learner, into a folder the instructor picks.
  await exchange.getByRole('button', { name: '导出每位学员的成绩包' }).click()
  await expect(exchange.getByTestId('bundle-outcome')).toHaveText(
    '已在 /usb/成绩包 写入 2 个成绩包，每位学员一个：请只把各自的成绩包交给本人。',
  )
  expect(await argsSent(page, 'bundle_export_grades')).toEqual([{ courseId: communityOps.id, path: '/usb/成绩包' }])
})

test('a big grading queue comes one page at a time, with a count beside each status', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
  const queue = Array.from({ length: 120 }, (_, i) => ({
    versionId: `v-${i + 1}`,
    taskId: task.id,
    taskTitle: task.title,
    learnerName: `学员${i + 1}`,
  }))
  await installBundlesMock(page, { bundles, saves: [], queue })

  await page.goto('/#/teach/tasks')
  await expect(page.getByTestId('queue-row')).toHaveCount(50)
  await expect(page.getByTestId('queue-range')).toHaveText('第 1–50 份，共 120 份')
  await expect(page.getByTestId('queue-status').locator('option', { hasText: '待批改（120）' })).toHaveCount(1)
  await expect(page.getByTestId('queue-previous')).toBeDisabled()

  await page.getByTestId('queue-next').click()
  await expect(page.getByTestId('queue-range')).toHaveText('第 51–100 份，共 120 份')
  await expect(page.getByTestId('queue-row').first()).toContainText('学员51')
  await page.getByTestId('queue-next').click()
  await expect(page.getByTestId('queue-row')).toHaveCount(20)
  await expect(page.getByTestId('queue-next')).toBeDisabled()

  // A new filter starts again at the first page.
  await page.getByTestId('queue-status').selectOption('ungraded')
  await expect(page.getByTestId('queue-range')).toHaveText('第 1–50 份，共 120 份')
  const sent = (await argsSent(page, 'grading_queue')) as { filter: { offset: number; limit: number } }[]
  expect(sent.map((a) => a.filter.offset)).toEqual([0, 50, 100, 0])
  expect(sent.every((a) => a.filter.limit === 50)).toBe(true)
})

test('the grading view shows image attachments inline and saves a copy of others', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
  const list = [
    { sha256: 'a'.repeat(64), name: '群公告截图.png', size: 2048, mediaType: 'image/png' },
    { sha256: 'b'.repeat(64), name: '活动方案.pdf', size: 3 * 1024 * 1024, mediaType: 'application/pdf' },
  ]
  await installBundlesMock(page, {
    bundles,
    saves: ['/home/teacher/活动方案.pdf'],
    attachments: { versionId: 'v-1', learnerName: '林小雨', list },
    images: { ['a'.repeat(64)]: LOGO },
  })
  // A submitted version for the grading view.
  await page.goto(TASK_URL)
  await page.getByTestId('task-markdown').fill('见附件：群公告截图和活动方案。')
  await expect(page.getByTestId('save-state')).toHaveText('已保存', { timeout: 8000 })
  await page.getByTestId('task-submit').click()
  await page.getByTestId('confirm-dialog').getByRole('button', { name: '提交作业' }).click()
  await expect(page.getByTestId('task-version')).toContainText('等待讲师批改')

  await page.goto('/#/teach/tasks/v-1')
  const attachments = page.getByTestId('grading-attachment')
  await expect(attachments).toHaveCount(2)
  const image = attachments.nth(0).getByTestId('attachment-image')
  await expect(image).toHaveAttribute('alt', '群公告截图.png')
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(142)
  await expect(attachments.nth(1).getByTestId('attachment-image')).toHaveCount(0)
  await attachments.nth(0).scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/grading-attachments.png` })
  await expect(attachments.nth(1)).toContainText('活动方案.pdf')
  await expect(attachments.nth(1)).toContainText('3 MB')
  await attachments.nth(1).getByRole('button', { name: '另存一份' }).click()
  await expect(page.getByText('已另存到 /home/teacher/活动方案.pdf')).toBeVisible()
  expect(await argsSent(page, 'task_attachment_save')).toEqual([
    { versionId: 'v-1', sha256: 'b'.repeat(64), path: '/home/teacher/活动方案.pdf' },
  ])
})
