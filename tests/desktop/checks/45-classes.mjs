// Issue 21's classes in the real window: on the course outline a learner
// types the code the instructor handed out (lower case, as people do) and
// joins the class; the panel then lists it by its code, and offers to export
// the learner's records for the instructor's computer. Screenshot:
// `class-join`.

/** Sets a form control's value the way typing would, so Vue's v-model hears it. */
async function type(t, selector, value) {
  await t.driver.executeScript(
    `const el = document.querySelector(arguments[0]);
     if (!el) throw new Error('no element matches ' + arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));`,
    [selector, value],
  )
}

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
