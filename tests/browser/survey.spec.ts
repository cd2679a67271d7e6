// The learner's satisfaction survey against the built UI with the backend
// mocked: a finished course invites the learner; every rating is needed
// before submitting, the comment is optional; the answers come back filled
// in and can be changed. Screenshot `survey.png` lands in
// target/browser-screenshots/.
import { expect, test } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { communityOps } from './fixtures/community-ops'
import { installSurveyMock } from './survey-mock'

const SHOTS = 'target/browser-screenshots'
const finished = { ...communityOps, modules: communityOps.modules.map((m) => ({ ...m, status: 'completed' as const })) }

test.use({ timezoneId: 'Asia/Shanghai' })

test('a learner who finished the course answers the satisfaction survey and can change the answers', async ({ page }) => {
  await installTauriMock(page, { courses: [finished] })
  await installSurveyMock(page)

  await page.goto(`/#/courses/${finished.id}`)
  const invite = page.getByTestId('survey-invite')
  await expect(invite).toContainText('课程已全部学完！')
  await invite.getByRole('link', { name: '填写问卷' }).click()

  await expect(page.getByRole('heading', { level: 1, name: '课程满意度调查' })).toBeVisible()
  const likert = page.getByTestId('survey-likert')
  await expect(likert).toHaveCount(2)
  await expect(likert.first().getByRole('radio')).toHaveCount(5)
  await likert.first().getByRole('radio', { name: '4 分' }).check()
  await page.getByTestId('survey-submit').click()
  await expect(page.getByRole('alert')).toHaveText('还有 1 道评分题没有选择。')
  expect(await argsSent(page, 'submit_survey')).toEqual([])

  await likert.nth(1).getByRole('radio', { name: '5 分' }).check()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.getByTestId('survey-text').locator('textarea').fill('希望多一些私域转化的真实案例。')
  await page.screenshot({ path: `${SHOTS}/survey.png`, fullPage: true })
  await page.getByTestId('survey-submit').click()
  await expect(page.getByText('谢谢！你的回答已保存。')).toBeVisible()
  expect(await argsSent(page, 'submit_survey')).toEqual([
    {
      courseId: finished.id,
      surveyId: 'survey-satisfaction',
      answers: [
        { itemId: 'overall', rating: 4, text: null },
        { itemId: 'relevance', rating: 5, text: null },
        { itemId: 'suggestion', rating: null, text: '希望多一些私域转化的真实案例。' },
      ],
    },
  ])

  // The saved answers come back, and the button offers to update them.
  await page.reload()
  await expect(page.getByTestId('survey-submitted')).toContainText('你已于 2026')
  await expect(page.getByTestId('survey-likert').first().getByRole('radio', { name: '4 分' })).toBeChecked()
  await expect(page.getByTestId('survey-text').locator('textarea')).toHaveValue('希望多一些私域转化的真实案例。')
  await expect(page.getByTestId('survey-submit')).toHaveText('更新我的回答')
  await page.goto(`/#/courses/${finished.id}`)
  await expect(page.getByTestId('survey-invite')).toContainText('你已填写课程满意度调查')
})

test('an unfinished course does not invite to the survey', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installSurveyMock(page)
  await page.goto(`/#/courses/${communityOps.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByTestId('survey-invite')).toHaveCount(0)
})
