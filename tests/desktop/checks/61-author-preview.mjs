// Issue 27 in the real window: the author preview of a pack folder.
// A pack made by `qunxue new` is opened with `qunxue-desktop --author DIR`;
// the app shows its modules rendered as learners see them, without a
// profile or any change to the learner database. Saving a module shows the
// change (the time from the save to the new text on screen is printed);
// breaking its front matter puts the problem, with its line, in the problem
// list; a quiz plays with its answers shown.
// Screenshots: `author-preview`, `author-problem`, `author-quiz`.

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { qunxue } from '../lib/machine.mjs'
import { scratchDir } from '../lib/scratch.mjs'

const pause = (ms) => new Promise((done) => setTimeout(done, ms))

export default async function (t) {
  const pack = join(scratchDir('qunxue-e2e-author-'), 'team-onboarding')
  qunxue(['new', pack, '--title', '新员工入职培训'])
  const module = join(pack, 'courses/team-onboarding/modules/01-theory.md')
  const original = readFileSync(module, 'utf8')

  await t.relaunch(['--author', pack])

  await t.check('--author DIR opens the preview of the folder, its first module rendered', async () => {
    await t.waitFor('the author preview', () => t.find('[data-testid="author-module-preview"] h1'))
    const folder = await t.textOf('[data-testid="author-folder"]')
    t.assert(folder.includes('team-onboarding'), `the folder is named: ${folder}`)
    const modules = await t.driver.findElements('css selector', '[data-testid="author-module"]')
    t.assert(modules.length === 3, `one module of each kind: ${modules.length}`)
    await t.waitFor('a calm problem list', () => t.textOf('[data-testid="author-problems"]').then((text) => text.includes('没有发现问题')))
    await t.screenshot('author-preview')
  })

  await t.check('saving a module shows the change', async () => {
    const marker = `实时预览验证段落 ${Date.now()}`
    const saved = Date.now()
    writeFileSync(module, `${original}\n${marker}\n`)
    await t.waitFor('the new paragraph', () => t.textOf('[data-testid="author-module-preview"]').then((text) => text.includes(marker)), 10_000)
    console.log(`  author preview: the saved paragraph was on screen ${Date.now() - saved} ms after the save`)
  })

  await t.check('breaking the front matter shows the problem with its line', async () => {
    const lines = original.split('\n')
    const kindLine = lines.findIndex((line) => line.startsWith('kind = ')) + 1
    t.assert(kindLine > 0, 'the module has a kind line')
    writeFileSync(module, original.replace(/^kind = "theory"/m, 'kind = "lecture"'))
    const location = await t.waitFor('the problem in the list', async () => {
      const found = await t.driver.executeScript(
        `return [...document.querySelectorAll('[data-testid="diagnostic-location"]')].map((e) => e.textContent)`,
        [],
      )
      return found.find((text) => text.includes('01-theory.md'))
    }, 10_000)
    t.assert(location.includes(`:${kindLine}:`), `the problem names line ${kindLine}: ${location}`)
    const message = await t.textOf('[data-testid="author-problems"]')
    t.assert(message.includes('lecture'), `the message names the wrong kind: ${message}`)
    await pause(300)
    await t.screenshot('author-problem')
    writeFileSync(module, original)
    await t.waitFor('the problem to go', () => t.textOf('[data-testid="author-problems"]').then((text) => text.includes('没有发现问题')), 10_000)
  })

  await t.check('a quiz plays with its answers shown', async () => {
    await t.click('[data-testid="author-quiz"]')
    await t.waitFor('the quiz preview', () => t.find('[data-testid="author-quiz-preview"]'))
    await t.click('[data-testid="show-answers"]')
    await t.waitFor('the answer key', () => t.find('[data-testid="answer-key"]'))
    await t.screenshot('author-quiz')
  })
}
