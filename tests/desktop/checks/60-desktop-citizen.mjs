// Issue 33 in the real window: the app as a desktop program people trust.
// - Background failures are shown, not only logged: a backup that cannot be
//   written and an LRS that drops the connection mid-request each put a
//   banner over the screen and a line in the log file; the admin sees the
//   error and the next try, a learner only that records wait
//   (screenshots `health-banner-admin`, `health-banner-learner`).
// - A panic (a debug build's `debug_panic`) is written to the log and shown
//   in a dialog.
// - First start follows the OS language (LANG=en_US.UTF-8, nothing saved);
//   Ctrl+= enlarges the text, and the size survives a restart.
// - A second launch on the same data folder hands its file to the first
//   and exits (the instances meet on a private D-Bus session bus).

import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useProfile } from '../lib/forms.mjs'
import { ADMIN_PIN, machineWith, qunxue } from '../lib/machine.mjs'
import { scratchDir } from '../lib/scratch.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const PACK = join(repo, 'tests/fixtures/packs/good')
const LEARNER = '小周'
const pause = (ms) => new Promise((done) => setTimeout(done, ms))

function logText(dataDir) {
  const file = join(dataDir, 'logs', 'qunxue.log')
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

/** An "LRS" that accepts each connection and drops it at once, as a server killed mid-request does. */
async function droppingLrs() {
  const server = createServer((socket) => socket.destroy())
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  return { server, endpoint: `http://127.0.0.1:${server.address().port}/xapi` }
}

async function problems(t) {
  return t.driver.executeScript(
    `return [...document.querySelectorAll('[data-testid="health-problem"]')].map((p) => ({
       kind: p.dataset.kind,
       detail: p.querySelector('[data-testid="health-detail"]')?.textContent ?? null,
     }))`,
    [],
  )
}

export default async function (t) {
  const lrs = await droppingLrs()
  const { dataDir } = await machineWith(t, {
    name: 'citizen',
    pack: PACK,
    people: [{ name: LEARNER, role: 'learner' }],
    beforeLaunch: ({ dataDir, db, adminId }) => {
      // Records waiting to be sent (the demo's learners studied), an LRS that drops them...
      qunxue(['demo', '--db', db, '--profile', adminId, '--learners', '2'], { pin: ADMIN_PIN })
      qunxue(['xapi', 'configure', '--db', db, '--profile', adminId, '--endpoint', lrs.endpoint, '--user', 'qunxue', '--password-stdin'], {
        input: 'secret\n',
        pin: ADMIN_PIN,
      })
      // ...and a backup folder that cannot be written (a file in its place:
      // the run is root, whom permissions do not stop).
      rmSync(join(dataDir, 'backups'), { recursive: true, force: true })
      writeFileSync(join(dataDir, 'backups'), 'not a folder')
    },
  })

  try {
    await t.check('a failed backup and a failing LRS show a banner and a log line; the details are for the admin', async () => {
      await t.waitFor('the first screen', () => t.find('main h1'))
      await useProfile(t, '培训负责人', ADMIN_PIN)
      await t.waitFor(
        'both banners',
        async () => {
          const shown = await problems(t)
          return shown.some((p) => p.kind === 'backup') && shown.some((p) => p.kind === 'sync') ? shown : null
        },
        40_000,
      )
      const shown = await problems(t)
      const sync = shown.find((p) => p.kind === 'sync')
      t.assert(sync.detail && sync.detail.length > 0, `the admin sees the sync error: ${JSON.stringify(shown)}`)
      t.assert(shown.find((p) => p.kind === 'backup').detail, 'the admin sees why the backup failed')
      t.assert(await t.find('[data-testid="settings-badge"]'), 'the settings cog carries a badge')
      await t.screenshot('health-banner-admin')
      const log = logText(dataDir)
      t.assert(/backup failed/.test(log), `the log has the backup failure:\n${log.slice(-2000)}`)
      t.assert(/LRS sync failed/.test(log), `the log has the sync failure:\n${log.slice(-2000)}`)
      t.assert(!log.includes(LEARNER), 'the log names no person')
    })

    await t.check('a learner sees that records wait, not the LRS or its error', async () => {
      await useProfile(t, LEARNER)
      await t.waitFor('the banner as the learner', async () => {
        const shown = await problems(t)
        return shown.some((p) => p.kind === 'sync') ? shown : null
      })
      const shown = await problems(t)
      t.assert(shown.every((p) => p.detail === null), `a learner sees no error text: ${JSON.stringify(shown)}`)
      const text = await t.textOf('[data-testid="health-banner"]')
      t.assert(!text.includes('127.0.0.1'), `the LRS's address is not shown to a learner: ${text}`)
      await t.screenshot('health-banner-learner')
    })

    await t.check('a panic is written to the log and shown in a dialog', async () => {
      const refused = await t.driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('debug_panic').then(() => done('no error'), (e) => done(e.kind))`,
        [],
      )
      t.assert(refused === 'internal', `the command answered ${refused}`)
      const dialog = await t.waitFor('the panic dialog', () => {
        try {
          // The ASCII half of the title: GTK under a locale the C library lacks garbles the other.
          return execFileSync('xdotool', ['search', '--onlyvisible', '--name', 'internal error'], { encoding: 'utf8' }).trim() || null
        } catch {
          return null
        }
      })
      t.assert(dialog, 'a dialog window is on screen')
      execFileSync('xdotool', ['windowfocus', '--sync', dialog.split('\n')[0]])
      execFileSync('xdotool', ['key', 'Return'])
      const log = logText(dataDir)
      t.assert(/panic at .*debug_panic/s.test(log), `the log has the panic:\n${log.slice(-2000)}`)
    })
  } finally {
    lrs.server.close()
  }

  // The OS language and the text size need a window with its own web storage (nothing saved).
  const home = scratchDir('qunxue-e2e-english-')
  const english = join(home, 'qunxue-english')
  writeFileSync(
    english,
    `#!/bin/sh\nexport LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8 XDG_DATA_HOME="${home}/data" XDG_CONFIG_HOME="${home}/config" XDG_CACHE_HOME="${home}/cache"\nexec "${process.env.QUNXUE_APP}" "$@"\n`,
  )
  chmodSync(english, 0o755)
  const englishData = scratchDir('qunxue-e2e-english-data-')

  await t.check('with LANG=en_US and nothing saved the app starts in English; Ctrl+= enlarges the text for good', async () => {
    await t.relaunch(['--data-dir', englishData], english)
    await t.waitFor('the first screen', () => t.find('main h1'))
    const lang = await t.driver.executeScript('return document.documentElement.lang', [])
    t.assert(lang === 'en', `the interface language is ${lang}`)
    const width = () => t.driver.executeScript('return window.innerWidth', [])
    const before = await width()
    await t.driver.performActions([
      {
        type: 'key',
        id: 'keyboard',
        actions: [
          { type: 'keyDown', value: '\uE009' },
          { type: 'keyDown', value: '=' },
          { type: 'keyUp', value: '=' },
          { type: 'keyUp', value: '\uE009' },
        ],
      },
    ])
    await t.driver.releaseActions().catch(() => {})
    const larger = await t.waitFor('the larger text', async () => ((await width()) < before ? width() : null))
    t.assert(larger < before, `the page is ${larger} CSS px wide after Ctrl+=, ${before} before`)
    await t.screenshot('text-size-larger')
    await t.relaunch(['--data-dir', englishData], english)
    await t.waitFor('the first screen again', () => t.find('main h1'))
    const after = await t.waitFor('the size after a restart', async () => ((await width()) === larger ? larger : null), 10_000)
    t.assert(after === larger, `after a restart the page is ${await width()} CSS px wide, not ${larger}`)
  })

  await t.check('a second launch on the same data folder hands its file to the first and exits', async () => {
    await t.relaunch([])
    const bus = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { encoding: 'utf8' }).trim().split('\n')
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus[0] }
    const folder = scratchDir('qunxue-e2e-single-')
    const first = spawn(process.env.QUNXUE_APP, ['--data-dir', folder], { env, stdio: 'ignore' })
    try {
      await t.waitFor('the first instance', () => /first screen interactive/.test(logText(folder)) || null, 60_000)
      const pack = join(folder, '..', 'course.qxpack')
      const started = Date.now()
      const second = execFileSync(process.env.QUNXUE_APP, ['--data-dir', folder, pack], { env, timeout: 30_000 })
      t.assert(second !== undefined && Date.now() - started < 30_000, 'the second launch exited')
      await t.waitFor('the hand-over in the first instance', () => logText(folder).includes(`another launch passed ${pack}`) || null)
      t.assert(first.exitCode === null, 'the first instance still runs')
    } finally {
      first.kill()
      await pause(500)
      try {
        process.kill(Number(bus[1]))
      } catch {
        // The bus went with the session.
      }
    }
  })
}
