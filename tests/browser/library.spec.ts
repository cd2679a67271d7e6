// The company admin's journey through the course library against the built
// UI: see the installed courses with their branding, import a broken pack and
// read its errors, import an update with a progress bar, refuse then force an
// older version, and remove a course after confirming. Screenshots land in
// target/browser-screenshots/ for review.
import { expect, test, type Page } from '@playwright/test'
import { argsSent, installTauriMock, releaseImport } from './tauri-mock'
import { communityOps } from './fixtures/community-ops'
import { PACK_PATHS, packs, retailService } from './fixtures/packs'

const SHOTS = 'target/browser-screenshots'

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

async function openLibrary(page: Page, picks: (string | null)[] = []): Promise<void> {
  await installTauriMock(page, { courses: [communityOps, retailService], packs, picks })
  await page.goto('/')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程库' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '课程库' })).toBeVisible()
}

function card(page: Page, courseId: string) {
  return page.locator(`[data-testid="course-card"][data-course-id="${courseId}"]`)
}

test('the library lists installed courses with organisation, version, progress and branding', async ({ page }) => {
  await openLibrary(page)
  await expect(page).toHaveURL(/#\/library$/)
  await expect(page.getByTestId('library-count')).toHaveText('已安装 2 门课程')
  await expect(page.getByTestId('course-card')).toHaveCount(2)

  const retail = card(page, retailService.id)
  await expect(retail.getByRole('heading', { level: 2 })).toHaveText('门店导购服务标准')
  await expect(retail.getByTestId('course-organisation')).toHaveText('鲜果优选连锁')
  await expect(retail.getByTestId('course-version')).toContainText('v1.0.0')
  await expect(retail.getByTestId('course-progress')).toHaveText('已完成 2 / 4 个模块')
  await expect(retail.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50')
  await expect(retail.getByTestId('course-changed')).toHaveText('更新于 2026年11月16日')
  await expect(retail.locator('img')).toHaveJSProperty('complete', true)

  const ops = card(page, communityOps.id)
  await expect(ops.getByTestId('course-changed')).toHaveText('安装于 2026年11月2日')
  await expect(ops.getByTestId('logo-initial')).toHaveText('群')

  // Opening a course leads to its outline, branded with its organisation and logo.
  await retail.getByRole('link', { name: '打开课程：门店导购服务标准' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '门店导购服务标准' })).toBeVisible()
  await expect(page.getByTestId('course-branding')).toContainText('出品：鲜果优选连锁')
  await expect(page.getByTestId('course-branding').locator('img')).toBeVisible()
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/outline-branded.png`, fullPage: true })
})

test('a broken pack shows every problem, grouped by file and sorted, and cannot be imported', async ({ page }) => {
  await openLibrary(page, [PACK_PATHS.broken])
  await page.getByRole('button', { name: '导入课程包…' }).click()

  const dialog = page.getByRole('dialog', { name: '导入课程包' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: /选择课程包文件夹/ })).toBeFocused()
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/import-choose.png` })
  await dialog.getByRole('button', { name: /选择课程包文件夹/ }).click()

  const [pick] = await argsSent(page, 'plugin:dialog|open')
  expect(pick).toMatchObject({ options: { directory: true, multiple: false } })
  expect(await argsSent(page, 'validate_pack')).toEqual([{ path: PACK_PATHS.broken }])

  await expect(dialog.getByTestId('pack-source')).toContainText(PACK_PATHS.broken)
  await expect(dialog.getByTestId('diagnostics-summary')).toHaveText('发现 3 个错误、1 个警告')
  await expect(dialog.getByTestId('diagnostic-group')).toHaveCount(3)
  await expect(dialog.locator('[data-testid="diagnostic-group"] h4 .group__path')).toHaveText([
    'courses/demo/course.toml',
    'courses/demo/modules/02-intro.md',
    'courses/demo/modules/10-review.md',
  ])
  await expect(dialog.getByTestId('diagnostic-location')).toHaveText([
    'courses/demo/course.toml:5:1',
    'courses/demo/modules/02-intro.md:7:1',
    'courses/demo/modules/02-intro.md:15:3',
    'courses/demo/modules/10-review.md:4:1',
  ])
  const kindRow = dialog.getByTestId('diagnostic-row').nth(1)
  await expect(kindRow).toContainText('错误')
  // The Chinese UI shows the Chinese message the backend sent beside the English one.
  await expect(kindRow).toContainText('取值 lecture 无效；应为以下之一：theory、practice、case')
  await expect(dialog.getByTestId('diagnostic-row').nth(2)).toContainText('警告')
  await expect(dialog.getByRole('button', { name: '导入', exact: true })).toBeDisabled()
  await expect(dialog).toContainText('修正全部错误后才能导入。')

  await settle(page)
  await page.screenshot({ path: `${SHOTS}/import-errors.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/import-errors-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  // Esc closes the dialog and leaves the library as it was.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: '导入课程包…' })).toBeFocused()
  await expect(page.getByTestId('course-card')).toHaveCount(2)
})

test('a valid update imports with a progress bar, then says progress was kept', async ({ page }) => {
  await openLibrary(page, [PACK_PATHS.update])
  await page.getByRole('button', { name: '导入课程包…' }).click()
  const dialog = page.getByRole('dialog', { name: '导入课程包' })
  await dialog.getByRole('button', { name: /选择 \.zip 课程包/ }).click()

  const [pick] = await argsSent(page, 'plugin:dialog|open')
  expect(pick).toMatchObject({ options: { directory: false, filters: [{ extensions: ['zip'] }] } })

  await expect(dialog.getByTestId('check-status')).toHaveText('检查通过，没有发现问题。')
  const course = dialog.getByTestId('pack-course')
  await expect(course).toContainText('门店导购服务标准')
  await expect(course).toContainText('课程 ID：xianguo.retail-service')
  await expect(course.getByTestId('pack-plan')).toHaveText('更新：v1.0.0 → v1.1.0')
  await expect(course.locator('.stat')).toContainText(['理论模块2', '实操模块2', '案例模块1', '题目36'])

  await dialog.getByRole('button', { name: '导入', exact: true }).click()
  const progress = dialog.getByTestId('import-progress')
  await expect(progress).toHaveAttribute('data-stage', 'copying')
  await expect(dialog.getByTestId('import-stage')).toHaveText('正在复制课程文件')
  await expect(progress).toContainText('第 3 / 4 步 · 9 / 24')
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '59')
  // No way out while the import runs.
  await expect(dialog.getByRole('button', { name: '关闭' })).toHaveCount(0)
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/import-progress.png` })

  await releaseImport(page)
  const outcome = dialog.getByTestId('import-outcome')
  await expect(outcome).toBeVisible()
  await expect(dialog.getByTestId('import-outcome-text')).toHaveText('已更新到 v1.1.0，学习进度已保留')
  expect(await argsSent(page, 'import_pack')).toEqual([
    { path: PACK_PATHS.update, force: false, onProgress: expect.stringMatching(/^__CHANNEL__:\d+$/) },
  ])
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/import-success.png` })

  await dialog.getByRole('button', { name: '完成' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('toast')).toHaveText('课程库已更新：“门店导购服务标准” v1.1.0')
  const retail = card(page, retailService.id)
  await expect(retail.getByTestId('course-version')).toContainText('v1.1.0')
  // Two of the five modules were already completed in v1.0.0.
  await expect(retail.getByTestId('course-progress')).toHaveText('已完成 2 / 5 个模块')
})

test('an older version is refused, then imported after a confirmation', async ({ page }) => {
  await openLibrary(page, [PACK_PATHS.older])
  await page.getByRole('button', { name: '导入课程包…' }).click()
  const dialog = page.getByRole('dialog', { name: '导入课程包' })
  await dialog.getByRole('button', { name: /选择 \.zip 课程包/ }).click()
  await expect(dialog.getByTestId('pack-plan')).toHaveText('比已安装的 v1.0.0 旧')

  await dialog.getByRole('button', { name: '导入', exact: true }).click()
  await expect(dialog.getByTestId('downgrade')).toContainText('这个课程包是 v0.9.0，本机已安装 v1.0.0')
  await dialog.getByRole('button', { name: '仍然导入旧版本' }).click()

  const confirm = page.getByRole('alertdialog', { name: '用旧版本替换“门店导购服务标准”？' })
  await expect(confirm).toContainText('将用 v0.9.0 替换已安装的 v1.0.0')
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused()
  await confirm.getByRole('button', { name: '替换为旧版本' }).click()

  await expect(dialog.getByTestId('import-outcome-text')).toHaveText('已更新到 v0.9.0，学习进度已保留')
  const forced = (await argsSent(page, 'import_pack')).map((args) => args.force)
  expect(forced).toEqual([false, true])
})

test('removing a course asks first, names it and warns about progress', async ({ page }) => {
  await openLibrary(page)
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/library.png`, fullPage: true })

  const remove = card(page, retailService.id).getByRole('button', { name: '移除课程：门店导购服务标准' })
  await remove.click()
  const confirm = page.getByRole('alertdialog', { name: '移除课程“门店导购服务标准”？' })
  await expect(confirm).toContainText('所有学员在这门课程中的学习进度、测验记录和成绩也会一并删除')
  await expect(confirm.getByTestId('remove-people')).toHaveText(/这会删除 1 个人的学习记录|目前还没有人/)
  // Focus starts on the safe choice and stays inside the dialog.
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused()
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/library-remove-confirm.png` })
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
  expect(await confirm.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Shift+Tab')
  expect(await confirm.evaluate((el) => el.contains(document.activeElement))).toBe(true)

  // Esc cancels: nothing removed, focus back on the button.
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(remove).toBeFocused()
  expect(await argsSent(page, 'remove_course')).toEqual([])

  await remove.click()
  await confirm.getByRole('button', { name: '移除课程' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('toast')).toHaveText('已移除课程“门店导购服务标准”及其学习记录。')
  await expect(page.getByTestId('course-card')).toHaveCount(1)
  await expect(page.getByTestId('library-count')).toHaveText('已安装 1 门课程')
  expect(await argsSent(page, 'remove_course')).toEqual([{ courseId: retailService.id }])
})

test('an empty library invites the first import; the outline points there', async ({ page }) => {
  await installTauriMock(page, { courses: [] })
  await page.goto('/')
  await page.getByRole('link', { name: '前往课程库导入课程包' }).click()
  await expect(page.getByRole('heading', { level: 2, name: '课程库还是空的' })).toBeVisible()
  await expect(page.getByRole('button', { name: '导入课程包…' })).toBeVisible()
})
