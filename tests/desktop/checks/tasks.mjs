// Practice tasks in the real window: the grading view (submission beside the
// rubric, levels chosen with the keyboard) and a learner's graded task.
// Needs the test-only `qunxue-test-support tasks-seed` to make the active
// profile an instructor and seed one submission and one graded task; the tool
// is `$QUNXUE_TEST_SUPPORT`, or `qunxue-test-support` next to the desktop binary. Screenshots:
// `grading-view`, `graded-task`.

import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

function seed() {
  const cli = process.env.QUNXUE_TEST_SUPPORT ?? join(dirname(process.env.QUNXUE_APP ?? ''), 'qunxue-test-support')
  if (!existsSync(cli)) throw new Error(`the test-only qunxue-test-support was not found at ${cli}; build it (cargo build -p qunxue-test-support) or set QUNXUE_TEST_SUPPORT`)
  const db = join(process.env.QUNXUE_DATA_DIR ?? '', 'qunxue.db')
  return JSON.parse(execFileSync(cli, ['tasks-seed', '--db', db], { encoding: 'utf8' }))
}

export default async function (t) {
  const seeded = seed()

  await t.check('the grading view shows the submission beside the rubric and takes level keys', async () => {
    await t.navigate(`/teach/tasks/${seeded.version_to_grade}`)
    await t.waitFor('the grading view', () => t.find('[data-testid="grading-criterion"]'))
    const heading = await t.textOf('main h1')
    t.assert(heading.startsWith('批改：'), `grading heading was ${heading}`)
    t.assert((await t.textOf('[data-testid="submission-html"]')).includes('账号矩阵'), 'the submission is not shown')
    const criteria = await t.driver.findElements('css selector', '[data-testid="grading-criterion"]')
    const first = criteria[0]['element-6066-11e4-a52e-4f735466cecf']
    await t.driver.elementClick(first)
    await t.driver.elementSendKeys(first, '2')
    await t.waitFor('a chosen level', () => t.find('[data-testid="grading-criterion"] [aria-pressed="true"]'))
    await t.screenshot('grading-view')
  })

  await t.check('a graded task shows the grade with each criterion’s level and comment', async () => {
    await t.navigate(`/courses/${seeded.course_id}/tasks/${seeded.task_id}`)
    await t.waitFor('the released grade', () => t.find('[data-testid="released-grade"]'))
    const grade = await t.textOf('[data-testid="released-grade"]')
    t.assert(/成绩：[\d.]+ \/ \d+ 分/.test(grade), `grade line was ${grade}`)
    t.assert((await t.textOf('[data-testid="criterion-comment"]')).includes('责任人'), 'the criterion comment is missing')
    await t.screenshot('graded-task')
  })
}
