// A practice task end to end against the built UI with the task backend
// mocked (tasks-mock.ts): the learner writes with a live preview, sees the
// draft autosaved and submits; the instructor grades with the keyboard and
// a banked comment beside the submission and releases; the learner sees the
// grade with each criterion's level and comment. Screenshots `grading-view`
// and `graded-task` land in target/browser-screenshots/.
import { expect, test, type Page } from '@playwright/test'
import { installTauriMock } from './tauri-mock'
import { installTasksMock } from './tasks-mock'
import { communityOps } from './fixtures/community-ops'
import { welcomeTask } from '../../ui/src/test/taskFixtures'

const SHOTS = 'target/browser-screenshots'
const task = { ...welcomeTask, courseId: communityOps.id }
const TASK_URL = `/#/courses/${task.courseId}/tasks/${task.id}`

test.use({ timezoneId: 'Asia/Shanghai' })

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

test('a learner submits, an instructor grades by keyboard and releases, the learner sees the grade', async ({ page }) => {
  // Waits for two toasts to close before the screenshots.
  test.setTimeout(60_000)
  await installTauriMock(page, { courses: [communityOps] })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })

  await page.goto(TASK_URL)
  await expect(page.getByRole('heading', { level: 1, name: task.title })).toBeVisible()
  await expect(page.getByTestId('rubric-table').first()).toContainText('一句话说清群的用途和成员的收获。')
  const answer = '欢迎来到**麦田小屋**读书群！这里每周三晚八点共读一本书。\n\n群规：不发广告；发言前先读置顶。<script>alert(1)</script>'
  await page.getByTestId('task-markdown').fill(answer)
  await expect(page.getByTestId('task-preview').locator('strong')).toHaveText('麦田小屋')
  await expect(page.getByTestId('task-preview').locator('script')).toHaveCount(0)
  await expect(page.getByTestId('save-state')).toHaveText('已保存', { timeout: 8000 })
  await page.getByTestId('task-submit').click()
  await page.getByTestId('confirm-dialog').getByRole('button', { name: '提交作业' }).click()
  await expect(page.getByTestId('task-version')).toContainText('等待讲师批改')

  await page.goto('/#/teach/tasks/v-1')
  await expect(page.getByRole('heading', { level: 1, name: `批改：${task.title}` })).toBeVisible()
  await expect(page.getByTestId('submission-html').locator('strong')).toHaveText('麦田小屋')
  const criteria = page.getByTestId('grading-criterion')
  await criteria.first().focus()
  await page.keyboard.press('3')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('2')
  await expect(criteria.nth(1)).toBeFocused()
  await expect(page.getByTestId('grading-score')).toHaveText('当前得分：7 分，折算 70 / 100')
  await criteria.nth(1).locator('textarea').fill('活动时间写清楚了，参与方式再具体些。')
  await page.getByRole('button', { name: /结构清楚，下一步把活动时间写具体。/ }).click()
  await expect(page.getByTestId('grading-feedback')).toHaveValue('结构清楚，下一步把活动时间写具体。')
  // Toasts from the learner's submission must not cover the actions.
  await expect(page.locator('[role="status"]', { hasText: '已提交第 1 版' })).toHaveCount(0, { timeout: 10_000 })
  await page.evaluate(() => window.scrollTo(0, 0))
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/grading-view.png`, fullPage: true })
  await page.getByTestId('grading-release').click()
  await expect(page.getByText('成绩已发布，学员可以看到了。')).toBeVisible()

  await page.goto(TASK_URL)
  const version = page.getByTestId('task-version')
  await expect(version.getByTestId('released-grade')).toHaveText('成绩：70 / 100 分')
  await expect(version.locator('[aria-current="true"]')).toHaveCount(2)
  await expect(version.getByTestId('criterion-comment')).toContainText('参与方式再具体些')
  await expect(version).toContainText('结构清楚，下一步把活动时间写具体。')
  await expect(page.getByText('成绩已发布，学员可以看到了。')).toHaveCount(0, { timeout: 10_000 })
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/graded-task.png`, fullPage: true })
})
