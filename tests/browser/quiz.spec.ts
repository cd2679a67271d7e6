// The learner's quiz journey against the built UI with the quiz backend
// mocked (quiz-mock.ts): from the module page into 第 1 课 小测, answering one
// question of every type with immediate feedback, handing in with unanswered
// questions, the result with per-question review; resuming after a reload;
// running out of time; and the daily review queue. Screenshots land in
// target/browser-screenshots/ for review.
import { expect, test, type Page } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { installQuizMock, type QuizMockOptions } from './quiz-mock'
import { communityOps } from './fixtures/community-ops'
import { quizM01 } from './fixtures/quiz-m01'

const SHOTS = 'target/browser-screenshots'
const COURSE = communityOps.id
const QUIZ_URL = `/#/courses/${COURSE}/quizzes/${quizM01.quizId}`

// Dates on these screens are the learner's local time.
test.use({ timezoneId: 'Asia/Shanghai' })

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

async function setUp(page: Page, options: Partial<QuizMockOptions> = {}): Promise<void> {
  await installTauriMock(page, { courses: [communityOps] })
  await installQuizMock(page, { quizzes: [quizM01], ...options })
}

async function startFromOverview(page: Page): Promise<void> {
  await page.goto(QUIZ_URL)
  await expect(page.getByRole('heading', { level: 1, name: quizM01.title })).toBeVisible()
  await page.getByTestId('start-quiz').click()
  await expect(page.getByRole('heading', { level: 2, name: '第 1 题 / 共 12 题' })).toBeVisible()
}

function question(page: Page) {
  return page.locator('article.question')
}

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveText('已保存')
}

test('start → answer every type with immediate feedback → hand in → result', async ({ page }) => {
  await setUp(page)

  // The module page offers its quiz.
  await page.goto(`/#/courses/${COURSE}/modules/m01-concept`)
  const panel = page.getByTestId('module-quizzes')
  await expect(panel.getByRole('heading', { name: '本课测验' })).toBeVisible()
  await expect(panel).toContainText(quizM01.title)
  await expect(panel).toContainText('未作答')
  await panel.scrollIntoViewIfNeeded()
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/module-quiz-panel.png` })
  await panel.getByRole('link', { name: `开始测验：${quizM01.title}` }).click()

  // The overview explains the rules in plain words.
  await expect(page.getByRole('heading', { level: 1, name: quizM01.title })).toBeVisible()
  await expect(page.getByTestId('fact-questions')).toHaveText('12 题')
  await expect(page.getByTestId('fact-time')).toHaveText('15 分钟')
  await expect(page.getByTestId('fact-attempts')).toHaveText('已用 0 / 3 次')
  await expect(page.getByTestId('fact-pass-mark')).toHaveText('60%')
  await expect(page.getByTestId('fact-feedback')).toContainText('每题作答后')
  await expect(page.getByTestId('fact-feedback')).toContainText('核对过的题不能再修改')
  await page.getByTestId('start-quiz').click()

  // 1 · single choice, picked with the number key. Options are shuffled:
  // the third one shown is the original option 3.
  await expect(question(page).getByRole('heading', { name: '第 1 题 / 共 12 题' })).toBeVisible()
  await expect(page.getByTestId('quiz-timer')).toContainText(/1[45]:\d\d/)
  await page.keyboard.press('3')
  await expect(page.getByRole('radio', { name: '成员人数达到 200 人以上' })).toBeChecked()
  const feedback = page.getByTestId('item-feedback')
  await expect(feedback).toContainText('回答正确')
  await expect(feedback).toContainText('社群看的是关系而不是规模')
  await expect(feedback).toContainText('解析')
  await expect(page.getByRole('radio', { name: '成员之间有持续的互动' })).toBeDisabled()
  await expectSaved(page)
  expect((await argsSent(page, 'save_answer'))[0]).toMatchObject({ questionId: 'm01-q01', answer: { choice: '3' } })
  await expect(page.getByTestId('feedback-announcement')).toHaveText('回答正确，得 1 / 1 分')

  // 2 · multiple choice, partial credit after "check answer".
  await page.keyboard.press('ArrowRight')
  await expect(question(page).getByRole('heading', { name: '第 2 题 / 共 12 题' })).toBeVisible()
  await page.getByRole('checkbox', { name: '可以反复触达的稳定用户基本盘' }).check()
  await page.getByRole('checkbox', { name: '更高的用户粘性，体现为留存和复购' }).check()
  await page.getByRole('checkbox', { name: '无需任何人力投入即可自动增长' }).check()
  await expect(feedback).toHaveCount(0)
  await expectSaved(page)
  await page.getByTestId('check-answer').click()
  await expect(feedback).toContainText('部分正确')
  await expect(feedback).toContainText('得分 0.5 / 2')
  await expect(feedback).toContainText('错。社群需要长期的人力经营')
  await expect(feedback).toContainText('正确答案：')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/quiz-feedback.png`, fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/quiz-feedback-dark.png`, fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })

  // 3 · true / false.
  await page.getByTestId('next-question').click()
  await page.getByRole('radio', { name: '错误' }).check()
  await expect(feedback).toContainText('回答正确')

  // 4 · matching: one drop-down per left item.
  await page.keyboard.press('ArrowRight')
  await expect(question(page)).toHaveAttribute('data-type', 'matching')
  for (const [left, right] of quizM01.questions[3].pairs!) {
    await page.getByLabel(left).selectOption({ label: right })
  }
  await expectSaved(page)
  await page.getByTestId('check-answer').click()
  await expect(feedback).toContainText('回答正确')

  // 5 · fill in the blank; the stem shows the numbered blank.
  await page.keyboard.press('ArrowRight')
  await expect(question(page).locator('.quiz-blank')).toHaveText('第 1 空')
  await page.getByLabel('第 1 空', { exact: true }).fill('私 域')
  await expectSaved(page)
  expect((await argsSent(page, 'save_answer')).at(-1)).toMatchObject({ answer: { blanks: ['私 域'] } })
  await page.getByTestId('check-answer').click()
  await expect(feedback).toContainText('回答正确')

  // 6 · numeric, typed with full-width digits.
  await page.getByTestId('next-question').click()
  await page.getByTestId('numeric-input').fill('１８')
  await expectSaved(page)
  expect((await argsSent(page, 'save_answer')).at(-1)).toMatchObject({ answer: { value: 18 } })
  await page.getByTestId('check-answer').click()
  await expect(feedback).toContainText('回答正确')

  // 7 · ordering, by keyboard and by the move buttons.
  await page.getByTestId('next-question').click()
  const items = question(page).locator('li[data-item-key]')
  await expect(items).toContainText(['转化', '传播', '拉新', '促活', '留存'])
  await items.filter({ hasText: '拉新' }).focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(items.first()).toContainText('拉新')
  await expect(items.filter({ hasText: '拉新' })).toBeFocused()
  await items.filter({ hasText: '促活' }).focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  const moveUp = page.getByRole('button', { name: /^上移：留存/ })
  await moveUp.click()
  await moveUp.click()
  await expect(items).toContainText(['拉新', '促活', '留存', '转化', '传播'])
  await expectSaved(page)
  expect((await argsSent(page, 'save_answer')).at(-1)).toMatchObject({ answer: { order: ['0', '1', '2', '3', '4'] } })
  await page.getByTestId('check-answer').click()
  await expect(feedback).toContainText('回答正确')
  await expect(page.getByTestId('answered-count')).toHaveText('已答 7 / 12')

  // 8 · short answer with a character count.
  await page.getByTestId('next-question').click()
  await page.getByTestId('short-answer').fill('存在自选择偏差：愿意入群的会员本来就更忠实。应比较同一批会员入群前后的变化，或随机留出对照组。')
  await expect(question(page)).toContainText('已输入 47 字')
  await expectSaved(page)
  await expect(page.getByTestId('answered-count')).toHaveText('已答 8 / 12')
  await expect(page.getByTestId('nav-8')).toHaveAttribute('aria-current', 'step')
  await expect(page.getByTestId('nav-9')).toHaveAttribute('data-state', 'unanswered')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/quiz-in-progress.png`, fullPage: true })

  // Handing in lists what is unanswered; a listed question can be opened.
  await page.getByTestId('open-submit').click()
  const dialog = page.getByRole('alertdialog', { name: '确定交卷吗？' })
  await expect(dialog).toContainText('共 12 题，还有 4 题没有作答')
  await dialog.getByRole('button', { name: '第 9 题' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(question(page).getByRole('heading', { name: '第 9 题 / 共 12 题' })).toBeVisible()
  await page.keyboard.press('1')
  await expect(feedback).toContainText('回答正确')

  await page.getByTestId('open-submit').click()
  await expect(dialog).toContainText('还有 3 题没有作答')
  await dialog.getByRole('button', { name: '交卷' }).click()

  // The result: score, pending grading, attempts left, every question.
  await expect(page).toHaveURL(/attempts\/attempt-1\/result$/)
  await expect(page.getByRole('heading', { level: 1, name: quizM01.title })).toBeVisible()
  await expect(page.getByTestId('result-percent')).toHaveText('50%')
  await expect(page.getByTestId('result-summary')).toContainText('得分 9.5 / 19')
  await expect(page.getByTestId('result-badge')).toHaveText('待批改')
  await expect(page.getByTestId('result-summary')).toContainText('有 1 道题等待讲师批改')
  await expect(page.getByTestId('attempts-left')).toHaveText('还可以再作答 2 次。')
  const reviewed = page.locator('article.review-item')
  await expect(reviewed).toHaveCount(12)
  await expect(reviewed.nth(1)).toHaveAttribute('data-outcome', 'partial')
  await expect(reviewed.nth(1)).toContainText('你的答案：')
  await expect(reviewed.nth(7)).toHaveAttribute('data-outcome', 'pending')
  await expect(reviewed.nth(9)).toContainText('未作答')
  await page.evaluate(() => window.scrollTo(0, 0))
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/quiz-result.png` })
  await page.screenshot({ path: `${SHOTS}/quiz-result-full.png`, fullPage: true })

  // Back on the overview the attempt is in the history and can be reviewed again.
  await page.getByTestId('back-to-quiz').click()
  await expect(page.getByTestId('fact-attempts')).toHaveText('已用 1 / 3 次')
  const history = page.getByTestId('attempt-history')
  await expect(history).toContainText('第 1 次作答')
  await expect(history).toContainText('50%')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/quiz-overview.png`, fullPage: true })
  await history.getByRole('link', { name: '查看第 1 次作答的结果' }).click()
  await expect(page.getByTestId('result-percent')).toHaveText('50%')
  expect(await argsSent(page, 'attempt_result')).toEqual([{ attemptId: 'attempt-1' }])
})

test('a reloaded attempt resumes with its saved answers and feedback', async ({ page }) => {
  await setUp(page)
  await startFromOverview(page)
  await page.keyboard.press('3')
  await expect(page.getByTestId('item-feedback')).toContainText('回答正确')
  await page.keyboard.press('ArrowRight')
  await page.getByRole('checkbox', { name: '一手的用户反馈与行为数据' }).check()
  await expectSaved(page)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.getByLabel('第 1 空', { exact: true }).fill('私域')
  await expectSaved(page)

  await page.reload()
  // Opens at the first unanswered question, with the others marked answered.
  await expect(page.getByRole('heading', { level: 2, name: '第 3 题 / 共 12 题' })).toBeVisible()
  await expect(page.getByTestId('answered-count')).toHaveText('已答 3 / 12')
  await expect(page.getByTestId('nav-1')).toHaveAttribute('data-state', 'answered')
  await expect(page.getByTestId('nav-5')).toHaveAttribute('data-state', 'answered')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('checkbox', { name: '一手的用户反馈与行为数据' })).toBeChecked()
  // Not checked yet, so it can still be changed.
  await expect(page.getByRole('checkbox', { name: '一手的用户反馈与行为数据' })).toBeEnabled()

  await page.getByTestId('nav-1').click()
  await expect(page.getByRole('radio', { name: '成员人数达到 200 人以上' })).toBeChecked()
  await expect(page.getByTestId('item-feedback')).toContainText('回答正确')
  await page.getByTestId('nav-5').click()
  await expect(page.getByLabel('第 1 空', { exact: true })).toHaveValue('私域')

  // Going back to the overview offers to continue, not to start again.
  await page.goto(QUIZ_URL)
  await expect(page.getByTestId('start-quiz')).toHaveText(/继续作答/)
  await page.getByTestId('start-quiz').click()
  await expect(page.getByTestId('answered-count')).toHaveText('已答 3 / 12')
  expect((await argsSent(page, 'start_quiz')).length).toBeGreaterThanOrEqual(2)
})

test('after-submit mode: nothing is marked while answering, everything after hand-in', async ({ page }) => {
  await setUp(page, { quizzes: [{ ...quizM01, feedbackMode: 'after_submit', timeLimitSeconds: null, maxAttempts: 0 }] })
  await page.goto(QUIZ_URL)
  await expect(page.getByTestId('fact-time')).toHaveText('不限时')
  await expect(page.getByTestId('fact-attempts')).toHaveText('已用 0 次，不限次数')
  await expect(page.getByTestId('fact-feedback')).toContainText('交卷后可以逐题查看')
  await page.getByTestId('start-quiz').click()

  await expect(page.getByText('本测验不限时。')).toBeVisible()
  await expect(page.getByTestId('quiz-timer')).toHaveCount(0)
  await page.keyboard.press('1')
  await expectSaved(page)
  await expect(page.getByTestId('item-feedback')).toHaveCount(0)
  await expect(page.getByTestId('check-answer')).toHaveCount(0)
  // Answers stay open to change until hand-in.
  await page.keyboard.press('3')
  await expect(page.getByRole('radio', { name: '成员人数达到 200 人以上' })).toBeChecked()
  await expectSaved(page)
  expect((await argsSent(page, 'save_answer')).map((a) => a.answer)).toEqual([{ choice: '1' }, { choice: '3' }])

  await page.getByTestId('open-submit').click()
  await page.getByRole('alertdialog').getByRole('button', { name: '交卷' }).click()
  await expect(page.getByTestId('attempts-left')).toHaveText('本测验不限作答次数。')
  const first = page.locator('article.review-item').first()
  await expect(first).toHaveAttribute('data-outcome', 'correct')
  await expect(first.getByTestId('item-feedback')).toContainText('解析')
})

test('when time runs out the attempt is handed in and its result shown', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-20T09:00:00+08:00') })
  await setUp(page)
  await startFromOverview(page)
  await page.keyboard.press('3')
  await expectSaved(page)

  const timer = page.getByTestId('quiz-timer')
  await page.clock.fastForward('10:05')
  await expect(timer).toHaveAttribute('data-level', 'warning')
  await expect(page.getByTestId('timer-announcement')).toHaveText('还剩 5 分钟')
  await page.clock.fastForward('04:00')
  await expect(timer).toHaveAttribute('data-level', 'danger')
  await expect(page.getByTestId('timer-announcement')).toHaveText('还剩 1 分钟')
  await expect(timer.getByRole('timer')).toHaveText(/00:5\d/)

  await page.clock.fastForward('01:00')
  await expect(page).toHaveURL(/attempts\/attempt-1\/result$/)
  await expect(page.getByTestId('time-up-notice')).toContainText('时间到了，测验已自动交卷')
  await expect(page.getByTestId('result-summary')).toContainText('得分 1 / 19')

  await page.getByTestId('back-to-quiz').click()
  await expect(page.getByTestId('attempt-history')).toContainText('超时交卷')
})

test('the daily review queue: answer → feedback → next, then done', async ({ page }) => {
  await setUp(page, { review: { questionIds: ['m01-q03', 'm01-q07'], nextDueAt: null } })
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: '主导航' })
  await expect(nav.getByTestId('review-badge')).toHaveText('2')
  await nav.getByRole('link', { name: '每日复习，2 道题待复习' }).click()

  await expect(page.getByRole('heading', { level: 1, name: '每日复习' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: '复习题 1 / 2' })).toBeVisible()
  await page.keyboard.press('2')
  await expect(page.getByRole('radio', { name: '错误' })).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('item-feedback')).toContainText('回答正确')
  await expect(nav.getByTestId('review-badge')).toHaveText('1')
  await expect(page.getByTestId('next-card')).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 2, name: '复习题 2 / 2' })).toBeVisible()
  await page.getByTestId('numeric-input').fill('20')
  await page.getByTestId('check-card').click()
  const feedback = page.getByTestId('item-feedback')
  await expect(feedback).toContainText('回答错误')
  await expect(feedback).toContainText('18（允许误差 ±0.5）')
  await expect(page.locator('.review__scheduled')).toContainText('下次复习')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/review-queue.png`, fullPage: true })
  expect(await argsSent(page, 'answer_review')).toEqual([
    { questionId: 'm01-q03', courseId: COURSE, answer: { value: false } },
    { questionId: 'm01-q07', courseId: COURSE, answer: { value: 20 } },
  ])

  await page.getByTestId('next-card').click()
  const done = page.getByTestId('review-done')
  await expect(done.getByRole('heading', { name: '今天的复习完成了' })).toBeVisible()
  await expect(done).toContainText('本轮复习 2 题，答对 1 题')
  await expect(done).toContainText('下一道题将在')
  await expect(nav.getByTestId('review-badge')).toHaveCount(0)
})

test('with nothing due the review screen says when the next question comes', async ({ page }) => {
  await setUp(page, { review: { questionIds: [], nextDueAt: '2026-11-21T01:00:00Z' } })
  await page.goto('/#/review')
  const empty = page.getByTestId('review-empty')
  await expect(empty.getByRole('heading', { name: '现在没有需要复习的题目' })).toBeVisible()
  await expect(empty).toContainText('下一道题将在 2026年11月21日 09:00 到期')
  await expect(page.getByRole('navigation', { name: '主导航' }).getByTestId('review-badge')).toHaveCount(0)
})
