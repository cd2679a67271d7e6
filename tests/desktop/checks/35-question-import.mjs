// Issue 6's question import in the real window: an instructor picks a GIFT
// file in the native GTK dialog, sees every question with its right answer in
// the preview, imports it as extra practice, and a learner finds it on the
// course outline and starts it. Then (issue 28) a Moodle XML bank with an
// embedded image is previewed with its image shown. Screenshots:
// `question-import-preview`, `question-import-outline`,
// `question-import-moodle-xml`.

import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pickInNativeDialog } from '../lib/native-dialog.mjs'
import { setActiveRole } from '../lib/roles.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const GIFT = resolve(repo, 'tests/fixtures/quiz/practice-retention.gift')
const MOODLE_XML = resolve(repo, 'tests/fixtures/quiz/moodle-bank.xml')
const DIALOG_TITLE = '选择 GIFT、Aiken 或 Moodle XML 题目文件'
const TITLE = '社群留存补充练习'

export default async function (t) {
  setActiveRole('instructor')
  try {
    await t.check('a GIFT file picked in the native dialog is previewed question by question', async () => {
      await t.waitFor('the first screen', () => t.find('main h1'))
      await t.navigate('/teach/questions')
      await t.waitFor('the import screen', () => t.find('[data-testid="question-import-pick"]'))
      const previewed = await pickInNativeDialog(t, {
        title: DIALOG_TITLE,
        path: GIFT,
        open: () => t.click('[data-testid="question-import-pick"]'),
        done: () => t.find('[data-testid="question-preview"]'),
      })
      t.assert(previewed, 'the preview never appeared after picking the GIFT file')
      const summary = await t.textOf('[data-testid="question-preview-summary"]')
      t.assert(summary.includes('共 5 道题可以导入'), `preview summary was ${summary}`)
      const correct = await t.driver.findElements('css selector', '[data-testid="correct-option"]')
      // One right option in the single choice, two (positive weights) in the multiple choice.
      t.assert(correct.length === 3, `expected 3 right options marked, found ${correct.length}`)
      await t.screenshot('question-import-preview')
    })

    await t.check('importing makes a practice quiz learners find on the outline', async () => {
      const title = await t.find('[data-testid="question-import-title"]')
      await t.driver.elementClear(title)
      await t.driver.elementSendKeys(title, TITLE)
      await t.click('[data-testid="question-import-submit"]')
      const done = await t.waitFor('the import outcome', () => t.textOf('[data-testid="question-import-done"]'))
      t.assert(done.includes(`已导入「${TITLE}」，共 5 道题`), `import outcome was ${done}`)
      setActiveRole('learner')
      await t.navigate('/courses/qunxue.community-ops')
      const panel = await t.waitFor('the extra practice panel', () => t.textOf('[data-testid="local-quizzes"]'))
      t.assert(panel.includes(TITLE), `the outline panel was ${panel}`)
      await t.driver.executeScript('document.querySelector(\'[data-testid="local-quizzes"]\').scrollIntoView({ block: "center" })', [])
      await t.screenshot('question-import-outline')
      await t.click('[data-testid="local-quizzes"] a.button')
      await t.waitFor('the quiz overview', () => t.find('[data-testid="start-quiz"]'))
      await t.click('[data-testid="start-quiz"]')
      await t.waitFor('the first question', () => t.find('article.question'))
      const count = await t.textOf('[data-testid="answered-count"]')
      t.assert(/\/\s*5/.test(count), `the attempt does not ask the 5 imported questions: ${count}`)
    })

    await t.check('a Moodle XML bank is previewed with its embedded image and its left-out question named', async () => {
      setActiveRole('instructor')
      await t.navigate('/teach/questions')
      await t.waitFor('the import screen', () => t.find('[data-testid="question-import-pick"]'))
      const previewed = await pickInNativeDialog(t, {
        title: DIALOG_TITLE,
        path: MOODLE_XML,
        open: () => t.click('[data-testid="question-import-pick"]'),
        done: () => t.find('[data-testid="preview-image"] img'),
      })
      t.assert(previewed, 'the preview never showed the embedded image')
      const loaded = await t.driver.executeScript(
        'const img = document.querySelector(\'[data-testid="preview-image"] img\'); return img.complete && img.naturalWidth > 0',
        [],
      )
      t.assert(loaded, 'the embedded image did not load')
      const summary = await t.textOf('[data-testid="question-preview-summary"]')
      t.assert(summary.includes('共 8 道题可以导入'), `preview summary was ${summary}`)
      const page = await t.textOf('main')
      t.assert(page.includes('随机计算'), 'the left-out calculated question is named')
      await t.driver.executeScript('document.querySelector(\'[data-testid="preview-image"]\').scrollIntoView({ block: "center" })', [])
      await t.screenshot('question-import-moodle-xml')
    })
  } finally {
    setActiveRole('learner')
  }
}
