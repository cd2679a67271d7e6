// Issue 30 in the real window: a course's instructor-only material reaches
// instructors and never a learner, and its glossary links open the glossary.
// The test pack (tests/fixtures/packs/good) has an instructor-only module
// (m04-facilitator), a model answer in a `::: instructor` block of its case
// (m03-case) and a glossary the case links ([[活跃率]]). It is imported from a
// script into a new data folder with an admin, an instructor and a learner.
//
// As the learner: the outline has no 讲师资料 section, the guide's address
// shows a refusal and none of its text, the case shows no model answer, and
// the glossary link opens the 术语表 at its term. As the instructor: the
// outline's last section lists the guide, the guide says it is for
// instructors only, and the case shows the model answer as a 讲师备注.
// Screenshots: `glossary`, `outline-instructor`, `instructor-note`.

import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useProfile } from '../lib/forms.mjs'
import { machineWith } from '../lib/machine.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const PACK = join(repo, 'tests/fixtures/packs/good')
const COURSE = 'acme.demo'
const INSTRUCTOR_PIN = '975310'
const LEARNER = '小林'
const INSTRUCTOR = '王老师'
// Text only the instructor-only material holds (tests/fixtures/packs/good).
const GUIDE_TEXT = '第一节课先让学员'
const MODEL_ANSWER = '参考答案'

export default async function (t) {
  await machineWith(t, { name: 'instructor', pack: PACK, people: [{ name: INSTRUCTOR, role: 'instructor', pin: INSTRUCTOR_PIN }, { name: LEARNER, role: 'learner' }] })

  await t.check('a learner gets no instructor-only module, block or text, whatever address they open', async () => {
    await t.waitFor('the first screen', () => t.find('main h1'))
    await useProfile(t, LEARNER)
    await t.navigate(`/courses/${COURSE}`)
    await t.waitFor('the outline', () => t.find('section[data-kind="case"]'))
    const outline = await t.textOf('main')
    t.assert(!outline.includes('讲师手册'), `the learner's outline lists the guide: ${outline}`)
    t.assert((await t.driver.findElements('css selector', 'section[data-kind="instructor"]')).length === 0, 'the learner has a 讲师资料 section')

    await t.navigate(`/courses/${COURSE}/modules/m04-facilitator`)
    await t.waitFor('the refusal', () => t.find('section.error'))
    const refused = await t.textOf('main')
    t.assert(!refused.includes(GUIDE_TEXT), `the guide's text reached the learner: ${refused}`)

    await t.navigate(`/courses/${COURSE}/modules/m03-case`)
    await t.waitFor('the case', () => t.find('[data-testid="module-body"] a[href="#qx-term-activity-rate"]'))
    const body = await t.textOf('[data-testid="module-body"]')
    t.assert(!body.includes(MODEL_ANSWER), `the model answer reached the learner: ${body}`)
    t.assert((await t.driver.findElements('css selector', '.qx-instructor')).length === 0, 'an instructor block reached the learner')
  })

  await t.check('a glossary link opens the course’s 术语表 at its term', async () => {
    const link = await t.find('[data-testid="module-body"] a[href="#qx-term-activity-rate"]')
    const tooltip = await t.driver.getElementAttribute(link, 'title')
    t.assert(tooltip.includes('至少发言或互动一次'), `the link's tooltip is its definition, not: ${tooltip}`)
    await t.driver.elementClick(link)
    await t.waitFor('the glossary at 活跃率', () => t.find('[data-term="activity-rate"].is-targeted'))
    const heading = await t.textOf('main h1')
    t.assert(heading === '术语表', `the glossary's heading was ${heading}`)
    await t.screenshot('glossary')
  })

  await t.check('an instructor gets the guide in its own section and the model answer as a 讲师备注', async () => {
    await useProfile(t, INSTRUCTOR, INSTRUCTOR_PIN)
    await t.navigate(`/courses/${COURSE}`)
    await t.waitFor('the 讲师资料 section', () => t.find('section[data-kind="instructor"] a[data-module-id="m04-facilitator"]'))
    await t.driver.executeScript('document.querySelector(\'section[data-kind="instructor"]\').scrollIntoView({ block: "center" })', [])
    await t.screenshot('outline-instructor')

    await t.navigate(`/courses/${COURSE}/modules/m04-facilitator`)
    await t.waitFor('the guide', () => t.find('[data-testid="instructor-only"]'))
    t.assert((await t.textOf('[data-testid="module-body"]')).includes(GUIDE_TEXT), 'the guide has its text for the instructor')

    await t.navigate(`/courses/${COURSE}/modules/m03-case`)
    await t.waitFor('the model answer', () => t.find('[data-testid="module-body"] .qx-instructor'))
    const note = await t.textOf('[data-testid="module-body"] .qx-instructor')
    t.assert(note.includes(MODEL_ANSWER), `the instructor block holds: ${note}`)
    const label = await t.driver.executeScript(
      'return getComputedStyle(document.querySelector(".qx-instructor"), "::before").content',
      [],
    )
    t.assert(label.includes('讲师备注'), `the block is labelled ${label}`)
    await t.driver.executeScript('document.querySelector(".qx-instructor").scrollIntoView({ block: "center" })', [])
    await t.screenshot('instructor-note')
  })
}
