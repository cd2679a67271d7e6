// A machine made from a script before the window opens: a new data folder
// with an admin (PIN), a pack the admin imported, and the people who use it,
// added through the real CLI as an admin would; then the app restarted on it.

import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { scratchDir } from './scratch.mjs'

export const ADMIN_PIN = '864200'

/** Runs the `qunxue` CLI built beside the app, with `pin` as the acting profile's PIN. */
export function qunxue(args, { input, pin } = {}) {
  const cli = join(dirname(process.env.QUNXUE_APP ?? ''), 'qunxue')
  return execFileSync(cli, args, { input, encoding: 'utf8', env: { ...process.env, QUNXUE_PIN: pin ?? '' } })
}

/**
 * Sets up a data folder with `pack` imported and `people` added
 * (`{ name, role, pin? }`), lets `beforeLaunch({ dataDir, db, adminId })`
 * change what the app will find, and relaunches the app on it. Returns the
 * data folder (which also names the app's process, see memory.mjs), the
 * database and the admin's id.
 */
export async function machineWith(t, { name, pack, people, beforeLaunch, launchArgs = [] }) {
  const dataDir = scratchDir(`qunxue-e2e-${name}-`)
  const db = join(dataDir, 'qunxue.db')
  const admin = JSON.parse(
    qunxue(['profile', 'add', '--db', db, '--name', '培训负责人', '--role', 'admin', '--pin-stdin', '--json'], { input: `${ADMIN_PIN}\n` }),
  )
  qunxue(['import', pack, '--db', db, '--profile', admin.id], { pin: ADMIN_PIN })
  for (const person of people) {
    const args = ['profile', 'add', '--db', db, '--profile', admin.id, '--name', person.name, '--role', person.role]
    if (person.pin) qunxue([...args, '--pin-stdin'], { input: `${person.pin}\n`, pin: ADMIN_PIN })
    else qunxue(args, { pin: ADMIN_PIN })
  }
  beforeLaunch?.({ dataDir, db, adminId: admin.id })
  await t.relaunch(['--data-dir', dataDir, ...launchArgs])
  return { dataDir, db, adminId: admin.id }
}
