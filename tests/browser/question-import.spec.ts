// An instructor imports a GIFT file as extra practice, against the built UI
// with the backend mocked: the preview lists every problem by line and
// marks the right answers, a broken file can only be imported by choosing
// to skip its broken items, the practice then shows on the course outline
// for learners, and withdrawing it asks first. The mock answers as
// src-tauri/src/commands/local_quizzes.rs does. Screenshots land in
// target/browser-screenshots/.
import { expect, test } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { communityOps } from './fixtures/community-ops'
import { BROKEN_GIFT, installLocalQuizMock } from './local-quiz-mock'

const SHOTS = 'target/browser-screenshots'
const COURSE = communityOps.id

test.use({ timezoneId: 'Asia/Shanghai' })

test('a GIFT file is previewed, imported as extra practice, shown to learners and withdrawn', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps], picks: [BROKEN_GIFT] })
  await installLocalQuizMock(page)

  await page.goto('/#/teach')
  await page.getByTestId('teach-question-import').click()
  await expect(page.getByRole('heading', { level: 1, name: '导入题目' })).toBeVisible()
  await page.getByTestId('question-import-pick').click()

  const [pick] = await argsSent(page, 'plugin:dialog|open')
  expect(pick).toMatchObject({ options: { directory: false, filters: [{ extensions: ['gift', 'txt', 'xml'] }] } })
  expect(await argsSent(page, 'preview_question_file')).toEqual([{ path: BROKEN_GIFT, format: 'gift' }])

  const preview = page.getByTestId('question-preview')
  await expect(preview.getByRole('heading', { level: 2, name: '预览：第三章.gift' })).toBeVisible()
  await expect(page.getByTestId('question-preview-summary')).toContainText('1 道题有错误，另有 2 道题可以导入')
  await expect(preview.getByTestId('diagnostics')).toContainText('第三章.gift:7:22')
  await expect(preview.getByTestId('preview-question')).toHaveCount(2)
  await expect(preview.getByTestId('preview-question').first()).toContainText('单选题')
  await expect(preview.getByTestId('correct-option')).toHaveCount(1)
  await expect(preview.getByTestId('preview-question').nth(1)).toContainText('参考答案：错误')
  await expect(page.getByTestId('question-import-title')).toHaveValue('第三章')

  // With errors, importing needs the explicit choice to skip them.
  const submit = page.getByTestId('question-import-submit')
  await expect(submit).toBeDisabled()
  await page.getByTestId('question-import-partial').check()
  await page.getByTestId('question-import-title').fill('第三章 补充练习')
  await page.getByTestId('question-import-pass').fill('80')
  await page.screenshot({ path: `${SHOTS}/question-import-preview.png`, fullPage: true })
  await submit.click()

  await expect(page.getByTestId('question-import-done')).toContainText('已导入「第三章 补充练习」，共 2 道题，跳过 1 道有错误的题。')
  const [sent] = await argsSent(page, 'import_local_quiz')
  expect(sent).toEqual({
    courseId: COURSE,
    request: { path: BROKEN_GIFT, format: 'gift', partial: true, title: '第三章 补充练习', passMark: 0.8, feedback: 'immediate' },
  })
  await expect(page.getByTestId('local-quiz-row')).toHaveCount(1)
  await expect(page.getByTestId('local-quiz-row')).toContainText('2 道题 · 来自 第三章.gift')

  // Learners find it on the course outline.
  await page.goto(`/#/courses/${COURSE}`)
  const panel = page.getByTestId('local-quizzes')
  await expect(panel.getByRole('heading', { level: 2, name: '补充练习' })).toBeVisible()
  await expect(panel).toContainText('第三章 补充练习')
  await expect(panel.getByRole('link', { name: '开始测验：第三章 补充练习' })).toHaveAttribute(
    'href',
    `#/courses/${COURSE}/quizzes/local-1a2b3c4d`,
  )

  // Withdrawing asks first.
  await page.goto('/#/teach/questions')
  await page.getByTestId('local-quiz-archive').click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('已经做过的练习记录仍会保留')
  await confirm.getByRole('button', { name: '撤下练习' }).click()
  await expect(page.getByTestId('local-quiz-row')).toHaveCount(0)
  expect(await argsSent(page, 'archive_local_quiz')).toEqual([{ courseId: COURSE, quizId: 'local-1a2b3c4d' }])
})

test('the form names what is wrong before anything is sent, and other formats re-read the file', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps], picks: [BROKEN_GIFT] })
  await installLocalQuizMock(page)
  await page.goto('/#/teach/questions')
  await page.getByTestId('question-import-pick').click()
  await expect(page.getByTestId('preview-question')).toHaveCount(2)
  // Aiken re-reads the same file in the other format.
  await page.getByTestId('format-aiken').check()
  await expect.poll(async () => (await argsSent(page, 'preview_question_file')).length).toBe(2)
  expect((await argsSent(page, 'preview_question_file'))[1]).toEqual({ path: BROKEN_GIFT, format: 'aiken' })
  await page.getByTestId('question-import-title').fill('')
  await page.getByTestId('question-import-partial').check()
  await page.getByTestId('question-import-submit').click()
  await expect(page.getByTestId('question-import-error')).toHaveText('请填写练习名称。')
  await page.getByTestId('question-import-title').fill('补充练习')
  await page.getByTestId('question-import-pass').fill('0')
  await page.getByTestId('question-import-submit').click()
  await expect(page.getByTestId('question-import-error')).toHaveText('及格线应在 1 到 100 之间。')
  expect(await argsSent(page, 'import_local_quiz')).toEqual([])

  // Without the choice to skip, the broken item keeps the import button disabled.
  await page.getByTestId('question-import-pass').fill('60')
  await page.getByTestId('question-import-partial').uncheck()
  await expect(page.getByTestId('question-import-submit')).toBeDisabled()
  await expect(page.getByTestId('local-quiz-row')).toHaveCount(0)
})
