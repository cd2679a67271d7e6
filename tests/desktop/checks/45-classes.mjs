// Issue 21's classes in the real window: on the course outline a learner
// types the code the instructor handed out (lower case, as people do) and
// joins the class; the panel then lists it by its code, and offers to export
// the learner's records for the instructor's computer. Screenshot:
// `class-join`.

import { type } from '../lib/forms.mjs'

export default async function (t) {
  await t.check('a learner joins a class with its code on the course outline', async () => {
    await t.navigate('/')
    await t.waitFor('the class panel', () => t.find('[data-testid="class-records"]'))
    await type(t, '[data-testid="class-code"]', 'hd7k-2q3m')
    await t.click('[data-testid="class-join"]')
    const outcome = await t.waitFor('the joined message', async () => {
      const text = await t.textOf('[data-testid="class-outcome"]').catch(() => '')
      return text || null
    })
    t.assert(outcome.includes('HD7K-2Q3M'), `unexpected outcome: ${outcome}`)
    const list = await t.textOf('[data-testid="class-list"]')
    t.assert(list.includes('HD7K-2Q3M'), `the class is not listed: ${list}`)
    t.assert(await t.find('[data-testid="records-export"]'), 'no export of my records')
    await t.driver.executeScript(
      'document.querySelector(\'[data-testid="class-records"]\').scrollIntoView({ block: "center" })',
      [],
    )
    await t.screenshot('class-join')
  })
}
