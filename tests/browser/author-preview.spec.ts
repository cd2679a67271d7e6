// Issue #27 against the built UI: an author previews a pack folder as they
// write it (the module as learners read it, the quiz playable, every problem
// with its place), sees a broken save appear in the problem list at once,
// opens the preview from the app's launch folder on a machine nobody has set
// up, and makes a pack from a Word file in the library, overwriting the file
// they had edited only once they confirm. Screenshots land in
// target/browser-screenshots/ for review; a11y.spec.ts runs axe on these screens.
import { expect, test, type Page } from '@playwright/test'
import { argsSent, commandsSent, installTauriMock } from './tauri-mock'
import { emitAuthorChanged, installAuthorMock, watchedFolder, type AuthorMockOptions } from './author-mock'
import { communityOps } from './fixtures/community-ops'
import {
  AUTHOR_FOLDER,
  authorSnapshot,
  CONVERT_OUT,
  CONVERT_SOURCE,
  convertBlocked,
  convertDone,
  savedWithBrokenFrontMatter,
} from '../../ui/src/test/authorFixtures'

const SHOTS = 'target/browser-screenshots'
const PREVIEW_URL = `/#/author?folder=${encodeURIComponent(AUTHOR_FOLDER)}`

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

async function backend(page: Page, options: Partial<AuthorMockOptions> = {}, picks: (string | null)[] = []): Promise<void> {
  await installTauriMock(page, { courses: [communityOps], picks })
  await installAuthorMock(page, {
    folders: { [AUTHOR_FOLDER]: authorSnapshot, [CONVERT_OUT]: { ...authorSnapshot, folder: CONVERT_OUT } },
    conversions: { [CONVERT_OUT]: { blocked: convertBlocked, done: convertDone } },
    ...options,
  })
}

test('the preview shows the module as learners read it, and a broken save in the problem list with its line', async ({ page }) => {
  await backend(page)
  await page.goto(PREVIEW_URL)

  await expect(page.getByRole('heading', { level: 1, name: '作者预览' })).toBeVisible()
  await expect(page.getByTestId('author-folder')).toHaveText(AUTHOR_FOLDER)
  await expect(page.getByTestId('author-note')).toContainText('不会写入学员数据库')
  await expect(page.getByTestId('author-updated')).toHaveText(/^已于 \d\d:\d\d:\d\d 更新 · 用时 38 ms$/)
  const preview = page.getByTestId('author-module-preview')
  await expect(preview.getByRole('heading', { level: 1, name: '迎客与开场' })).toBeVisible()
  await expect(preview.getByTestId('module-body')).toContainText('先招呼，再观察，后推荐')
  await expect(preview.getByTestId('module-body').locator('table')).toBeVisible()
  await expect(page.getByTestId('author-problems').getByTestId('diagnostic-message')).toHaveText(['图片 assets/display.png 没有替代文字'])
  expect(await watchedFolder(page)).toBe(AUTHOR_FOLDER)
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/author-preview.png`, fullPage: true })

  // Reading another module when the author saves a broken front matter in the first.
  await page.locator('[data-testid="author-module"][data-module-id="display"]').click()
  await expect(preview).toHaveAttribute('data-module-id', 'display')
  await emitAuthorChanged(page, savedWithBrokenFrontMatter(2))
  await expect(page.getByTestId('author-revision')).toHaveText('第 2 版')
  await expect(preview).toHaveAttribute('data-module-id', 'display')

  const problems = page.getByTestId('author-problems')
  await expect(problems.getByTestId('diagnostics-summary')).toHaveText('发现 1 个错误、1 个警告')
  const first = problems.getByTestId('diagnostic-row').first()
  await expect(first).toHaveAttribute('data-severity', 'error')
  await expect(first.getByTestId('diagnostic-message')).toHaveText('前置信息：minutes 必须是整数，这里写的是 二十')
  await expect(first.getByTestId('diagnostic-location')).toHaveText('courses/store-service/modules/01-greeting.md:4:10')
  await expect(page.locator('[data-module-id="greeting"] [data-testid="problem-count"]')).toHaveAttribute('data-errors', '1')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/author-preview-broken.png`, fullPage: true })

  // The problem opens the module it is in.
  await first.getByTestId('diagnostic-select').click()
  await expect(preview).toHaveAttribute('data-module-id', 'greeting')
  await expect(page.locator('[data-testid="author-module"][aria-current]')).toHaveAttribute('data-module-id', 'greeting')

  // On a medium window the problems sit above the page.
  await page.setViewportSize({ width: 960, height: 800 })
  const [problemsBox, previewBox] = [await problems.boundingBox(), await preview.boundingBox()]
  expect(problemsBox!.y + problemsBox!.height).toBeLessThanOrEqual(previewBox!.y)
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/author-preview-medium.png` })

  // Leaving the preview stops watching the folder.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程库' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '课程库' })).toBeVisible()
  await expect.poll(() => watchedFolder(page)).toBeNull()
})

test('a quiz plays in the preview, with the answers shown', async ({ page }) => {
  await backend(page)
  await page.goto(PREVIEW_URL)
  await page.getByTestId('author-quiz').click()
  const quiz = page.getByTestId('author-quiz-preview')
  await expect(quiz.getByRole('heading', { level: 1, name: '迎客小测' })).toBeVisible()
  await expect(quiz.getByTestId('quiz-drawn')).toContainText('随机抽取 2 道')

  // Played as a learner meets it: no answers shown until asked for.
  await expect(quiz.getByTestId('answer-key')).toHaveCount(0)
  const blank = quiz.locator('[data-question-id="g-q4"]')
  await blank.getByTestId('blank-0').fill('看')
  await blank.getByTestId('check-answer').click()
  await expect(blank.getByTestId('item-feedback')).toHaveAttribute('data-outcome', 'partial')
  const numeric = quiz.locator('[data-question-id="g-q7"]')
  await numeric.getByRole('textbox').fill('４９')
  await numeric.getByTestId('check-answer').click()
  await expect(numeric.getByTestId('item-feedback')).toHaveAttribute('data-outcome', 'correct')

  await quiz.getByTestId('show-answers').check()
  await expect(quiz.getByTestId('answer-key')).toHaveCount(8)
  await expect(quiz.locator('[data-question-id="g-q6"]').getByTestId('answer-key')).toContainText('回顾好案例')
  await expect(numeric.getByTestId('answer-key')).toContainText('48 ± 2')
  await expect(blank.getByTestId('answer-key')).toContainText('观察 / 观察顾客')
  // The side columns are sticky: from the top, a full-page shot shows them where they start.
  await page.evaluate(() => window.scrollTo(0, 0))
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/author-quiz.png`, fullPage: true })
  await blank.screenshot({ path: `${SHOTS}/author-quiz-checked.png` })
})

test('launched with --author on a machine nobody set up, the app opens straight into the preview', async ({ page }) => {
  await backend(page, { startFolder: AUTHOR_FOLDER, newMachine: true })
  await page.goto('/')
  await expect(page).toHaveURL(/#\/author\?folder=/)
  await expect(page.getByTestId('author-module-preview').getByRole('heading', { level: 1, name: '迎客与开场' })).toBeVisible()
  // Nothing asks who uses this computer over the preview…
  await expect(page.getByTestId('first-run')).toHaveCount(0)
  // …but the rest of the app still does.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程库' }).click()
  await expect(page.getByTestId('first-run')).toBeVisible()
})

test('a Word file becomes a pack from the library; edited files are overwritten only once confirmed', async ({ page }) => {
  await backend(page, {}, [CONVERT_SOURCE, CONVERT_OUT])
  await page.goto('/#/library')
  const tools = page.getByTestId('author-tools')
  await expect(tools.getByRole('heading', { level: 2, name: '制作课程' })).toBeVisible()
  await tools.scrollIntoViewIfNeeded()
  await settle(page)
  await tools.screenshot({ path: `${SHOTS}/library-author-tools.png` })
  await tools.getByRole('button', { name: '从 Word/PowerPoint 新建…' }).click()

  const dialog = page.getByRole('dialog', { name: '从 Word/PowerPoint 新建课程包' })
  await expect(dialog).toContainText('把它装进课程库是管理员的工作')
  await dialog.getByRole('button', { name: '选择文件…' }).click()
  await expect(dialog.getByTestId('convert-source')).toHaveText(CONVERT_SOURCE)
  await dialog.getByRole('button', { name: '选择文件夹…' }).click()
  await expect(dialog.getByTestId('convert-out-folder')).toHaveText(CONVERT_OUT)
  const [sourcePick, outPick] = await argsSent(page, 'plugin:dialog|open')
  expect(sourcePick).toMatchObject({ options: { directory: false, filters: [{ extensions: ['docx', 'pptx'] }] } })
  expect(outPick).toMatchObject({ options: { directory: true } })
  await dialog.getByLabel('拆分模块').selectOption({ label: '按二级标题拆分模块' })
  await dialog.getByLabel('模块类型').selectOption({ label: '实操' })
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/convert-form.png` })
  await dialog.getByRole('button', { name: '转换', exact: true }).click()

  // The author edited a module since the last conversion: nothing is written.
  await expect(dialog.getByTestId('check-status')).toContainText('没有写入任何文件')
  await expect(dialog.getByTestId('edited-files')).toContainText('courses/store-training/modules/01-welcome.md')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/convert-edited.png` })
  await dialog.getByRole('button', { name: '覆盖已修改的文件…' }).click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('覆盖这些已修改的文件？')
  await confirm.getByRole('button', { name: '覆盖', exact: true }).click()
  await expect(confirm).toBeHidden()

  expect(await argsSent(page, 'convert_office')).toEqual([
    { source: CONVERT_SOURCE, out: CONVERT_OUT, splitLevel: 2, kind: 'practice', overwrite: false },
    { source: CONVERT_SOURCE, out: CONVERT_OUT, splitLevel: 2, kind: 'practice', overwrite: true },
  ])
  await expect(dialog.getByTestId('check-status').first()).toContainText('转换完成：生成了 2 个模块')
  await expect(dialog.getByTestId('converted-module')).toHaveCount(2)
  await expect(dialog.getByTestId('convert-attention')).toHaveText(['第 12 段文本框已转换为普通段落'])
  await expect(dialog.getByTestId('diagnostic-location')).toHaveText(['courses/store-training/modules/02-display.md:9:1'])
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/convert-report.png` })

  await dialog.getByRole('button', { name: '在作者预览中打开' }).click()
  await expect(page).toHaveURL(new RegExp(`#/author\\?folder=${encodeURIComponent(CONVERT_OUT).replace(/%2F/g, '(%2F|/)')}`))
  await expect(page.getByTestId('author-folder')).toHaveText(CONVERT_OUT)
  await expect(page.getByTestId('author-module-preview')).toBeVisible()
  expect(await commandsSent(page)).toContain('author_open')
})

test('the library opens the preview of a folder picked in the dialog', async ({ page }) => {
  await backend(page, {}, [AUTHOR_FOLDER])
  await page.goto('/#/library')
  await page.getByTestId('author-tools').getByRole('button', { name: '作者预览：打开文件夹…' }).click()
  await expect(page.getByTestId('author-folder')).toHaveText(AUTHOR_FOLDER)
  await expect(page.getByTestId('author-module-preview')).toBeVisible()
  expect(await argsSent(page, 'author_open')).toEqual([{ folder: AUTHOR_FOLDER }])
})

test.describe('in English, dark theme', () => {
  test.use({ colorScheme: 'dark' })

  test('problems read in English', async ({ page }) => {
    await page.addInitScript(() => window.localStorage.setItem('qunxue.locale', 'en'))
    await backend(page)
    await page.goto(PREVIEW_URL)
    await emitAuthorChanged(page, savedWithBrokenFrontMatter(2))
    await expect(page.getByTestId('author-revision')).toHaveText('Version 2')
    await expect(page.getByTestId('author-problems').getByTestId('diagnostic-message').first()).toHaveText(
      'front matter: minutes must be a whole number, found 二十',
    )
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/author-preview-en-dark.png`, fullPage: true })
  })
})
