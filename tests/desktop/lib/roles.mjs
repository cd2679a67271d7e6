// Gives the app's active profile a role for the checks that open instructor
// screens, through the test-only `qunxue-test-support tasks-seed --active-role`
// (the tool is `$QUNXUE_TEST_SUPPORT`, or `qunxue-test-support` next to the desktop binary). The
// backend reads the role from the database on every call, so the running
// app picks it up at once. Checks hand the profile back as a learner.

import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function setActiveRole(role) {
  const cli = process.env.QUNXUE_TEST_SUPPORT ?? join(dirname(process.env.QUNXUE_APP ?? ''), 'qunxue-test-support')
  if (!existsSync(cli)) throw new Error(`the test-only qunxue-test-support was not found at ${cli}; build it (cargo build -p qunxue-test-support) or set QUNXUE_TEST_SUPPORT`)
  const db = join(process.env.QUNXUE_DATA_DIR ?? '', 'qunxue.db')
  return JSON.parse(execFileSync(cli, ['tasks-seed', '--db', db, '--active-role', role], { encoding: 'utf8' }))
}
