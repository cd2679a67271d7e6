// A real quiz in the real window, part 1: start quiz-m16 (feedback after
// submit), answer the first two questions, and leave the app mid-attempt.
// Part 2 (21-quiz-resume.mjs) reopens the app and finds the answers there.

export const QUIZ_PATH = '/courses/qunxue.community-ops/quizzes/quiz-m16'

/** Answers the question on screen with whatever input it offers. */
export async function answerCurrent(t) {
  const choice = await t.find('article.question input[type="radio"], article.question input[type="checkbox"]').catch(() => null)
  if (choice) return t.driver.elementClick(choice)
  const numeric = await t.find('article.question [data-testid="numeric-input"]').catch(() => null)
  if (numeric) return t.driver.elementSendKeys(numeric, '7')
  const text = await t.find('article.question textarea, article.question input[type="text"]').catch(() => null)
  if (text) return t.driver.elementSendKeys(text, '拉新后 48 小时内完成破冰')
  // Matching: pick a different right-hand side for each left one.
  const selects = await t.driver.findElements('css selector', 'article.question select')
  if (selects.length > 0) {
    for (let i = 0; i < selects.length; i++) {
      await t.click(`article.question [data-testid="match-${i}"] option:nth-child(${2 + (i % (await optionCount(t, i)))})`)
    }
    return
  }
  // Ordering starts with an arrangement; keeping it is an answer too.
  const keep = await t.find('article.question [data-testid="confirm-order"]').catch(() => null)
  if (keep) return t.driver.elementClick(keep)
  const down = await t.find('article.question button[data-move="down"]').catch(() => null)
  if (down) return t.driver.elementClick(down)
  throw new Error('the question offers no input the test knows')
}

/** How many real choices (not the placeholder) the i-th matching select offers. */
async function optionCount(t, i) {
  const options = await t.driver.findElements('css selector', `article.question [data-testid="match-${i}"] option`)
  return Math.max(1, options.length - 1)
}

export default async function (t) {
  await t.check('a quiz starts in the real app and saves answers as they are given', async () => {
    await t.navigate(QUIZ_PATH)
    await t.waitFor('the quiz overview', () => t.find('[data-testid="start-quiz"]'))
    await t.click('[data-testid="start-quiz"]')
    await t.waitFor('the first question', () => t.find('article.question'))
    await answerCurrent(t)
    await t.waitFor('the first answer saved', async () => (await t.textOf('[data-testid="answered-count"]')).includes('已答 1'))
    await t.click('[data-testid="next-question"]')
    await answerCurrent(t)
    const count = await t.waitFor('the second answer saved', async () => {
      const text = await t.textOf('[data-testid="answered-count"]')
      return text.includes('已答 2') && text
    })
    t.assert(count.includes('/'), `answered count was ${count}`)
    await t.waitFor('the save indicator', async () => (await t.textOf('[data-testid="save-state"]')).includes('已保存'))
    await t.screenshot('quiz-in-progress')
  })
}
