// A real quiz in the real window, part 2: after the app was closed
// mid-attempt, the attempt resumes with its answers; handing it in shows the
// result with feedback.

import { QUIZ_PATH } from './20-quiz-start.mjs'

export default async function (t) {
  await t.check('the attempt resumes after a restart and hands in to a result', async () => {
    await t.waitFor('the outline', () => t.find('main h1'))
    await t.navigate(QUIZ_PATH)
    await t.waitFor('the resume button', () => t.find('[data-testid="start-quiz"]'))
    const label = await t.textOf('[data-testid="start-quiz"]')
    t.assert(label.includes('继续'), `the start button offered ${label}, not resuming`)
    await t.click('[data-testid="start-quiz"]')
    const count = await t.waitFor('the answered count', () => t.textOf('[data-testid="answered-count"]'))
    t.assert(count.includes('已答 2'), `after the restart the quiz showed ${count}`)
    await t.click('[data-testid="open-submit"]')
    await t.waitFor('the confirm dialog', () => t.find('[data-testid="confirm-action"]'))
    await t.click('[data-testid="confirm-action"]')
    const percent = await t.waitFor('the result', () => t.textOf('[data-testid="result-percent"]'))
    t.assert(/\d+%/.test(percent), `result percent was ${percent}`)
    await t.waitFor('the reviewed answers', () => t.find('article.review-item'))
    await t.screenshot('quiz-result')
  })
}
