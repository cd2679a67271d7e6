// Issue 25 in the real window, on a second, new data folder (a class laptop):
// the first start asks who uses the computer and the shared branch sets up
// the admin with a PIN and shows the recovery code once; the admin's policy
// makes a new learner choose a PIN, which the picker then asks for; and the
// next start opens locked on the instructor last used, whose PIN unlocks it
// (the instructor is added from a script with the admin's PIN). Screenshots:
// `first-run-shared`, `first-run-recovery-code`, `learner-pin`, `locked-session`.

import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { profileButton, type, useProfile } from '../lib/forms.mjs'
import { scratchDir } from '../lib/scratch.mjs'

const ADMIN_PIN = '135790'
const LEARNER_PIN = '2468'
const INSTRUCTOR_PIN = '975310'

/** The `qunxue` CLI next to the desktop binary (built by `cargo xtask test`). */
function qunxue(args, { input, env } = {}) {
  const cli = join(dirname(process.env.QUNXUE_APP ?? ''), 'qunxue')
  return execFileSync(cli, args, { input, encoding: 'utf8', env: { ...process.env, ...env } })
}

const gone = (t, selector) => async () => (await t.driver.findElements('css selector', selector)).length === 0

export default async function (t) {
  const dataDir = scratchDir('qunxue-e2e-shared-')
  await t.relaunch(['--data-dir', dataDir])

  await t.check('a shared machine sets up its admin with a PIN and shows the recovery code once', async () => {
    await t.waitFor('the first-run question', () => t.find('[data-testid="first-run"]'))
    await t.click('[data-testid="first-run-shared"]')
    await type(t, '[data-testid="first-run-name"]', '周店长')
    await type(t, '[data-testid="first-run-pin-first"]', ADMIN_PIN)
    await type(t, '[data-testid="first-run-pin-second"]', ADMIN_PIN)
    await t.screenshot('first-run-shared')
    await t.click('[data-testid="first-run-submit"]')
    const code = await t.waitFor('the recovery code', () => t.textOf('[data-testid="recovery-code"]'))
    t.assert(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(code.trim()), `unexpected recovery code ${code}`)
    await t.screenshot('first-run-recovery-code')
    await t.click('[data-testid="recovery-kept"]')
    await t.click('[data-testid="recovery-done"]')
    await t.waitFor('the profile picker', async () => (await t.driver.getUrl()).includes('/profiles'))
  })

  await t.check('under the admin’s policy a new learner has a PIN, and the picker asks for it', async () => {
    await t.waitFor('the picker', () => t.find('[data-testid="profile-create"]'))
    await t.click('[data-testid="profile-create"]')
    await type(t, '[data-testid="profile-name"]', '小红')
    await type(t, '[data-testid="profile-pin-first"]', LEARNER_PIN)
    await type(t, '[data-testid="profile-pin-second"]', LEARNER_PIN)
    await t.click('[data-testid="profile-save"]')
    await t.waitFor('the form to close', gone(t, '[data-testid="profile-form"]'))
    await t.click(`[data-testid="${await profileButton(t, '小红')}"]`)
    await t.waitFor('the PIN dialog', () => t.find('[data-testid="pin-dialog"]'))
    await type(t, '[data-testid="pin-input"]', '0000')
    await t.click('[data-testid="pin-submit"]')
    const wrong = await t.waitFor('the wrong-PIN message', () => t.textOf('[data-testid="pin-message"]'))
    t.assert(wrong.includes('4'), `a wrong PIN should leave 4 tries: ${wrong}`)
    await t.screenshot('learner-pin')
    await type(t, '[data-testid="pin-input"]', LEARNER_PIN)
    await t.click('[data-testid="pin-submit"]')
    await t.waitFor('the learner home', async () => (await t.driver.getUrl()).includes('/my'))
  })

  await t.check('an instructor’s session does not reopen by itself: the next start asks for the PIN', async () => {
    // The admin prepares an instructor from a script, as a company prepares
    // 30 laptops: the admin's PIN comes from the environment, the new one on stdin.
    const db = join(dataDir, 'qunxue.db')
    const admin = JSON.parse(qunxue(['profile', 'list', '--db', db, '--json'])).find((p) => p.role === 'admin')
    qunxue(['profile', 'add', '--db', db, '--profile', admin.id, '--name', '王老师', '--role', 'instructor', '--pin-stdin'], {
      input: `${INSTRUCTOR_PIN}\n`,
      env: { QUNXUE_PIN: ADMIN_PIN },
    })
    await useProfile(t, '王老师', INSTRUCTOR_PIN)

    // The instructor is the most recent profile; every profile has a PIN.
    await t.relaunch(['--data-dir', dataDir])
    const title = await t.waitFor('the lock', async () => {
      const dialogs = await t.driver.findElements('css selector', '[data-testid="pin-dialog"]')
      return dialogs.length > 0 && t.textOf('[data-testid="pin-dialog"] h2')
    })
    t.assert(title.includes('王老师'), `the lock should ask for the instructor's PIN: ${title}`)
    await t.screenshot('locked-session')
    await type(t, '[data-testid="pin-input"]', INSTRUCTOR_PIN)
    await t.click('[data-testid="pin-submit"]')
    await t.waitFor('the course', async () => (await t.textOf('main h1')).includes('社群运营实战'))
  })
}
