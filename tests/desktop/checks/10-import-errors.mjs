// Issue 4's import dialog in the real window: a broken pack is picked in the
// native GTK file dialog (xdotool types its path, as a user would: see
// ../lib/native-dialog.mjs), the dialog lists every problem with file and
// line, and nothing is installed.

import { execFileSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pickInNativeDialog } from '../lib/native-dialog.mjs'
import { scratchDir } from '../lib/scratch.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const DIALOG_TITLE = '选择 .zip 课程包'

/** The `dangling-refs` fixture (several broken references) zipped. */
function brokenZip() {
  const out = join(scratchDir('qunxue-e2e-'), 'broken-pack.zip')
  const source = join(repo, 'tests/fixtures/packs/dangling-refs')
  const script = 'import shutil, sys; shutil.make_archive(sys.argv[1][:-4], "zip", sys.argv[2])'
  execFileSync('python3', ['-c', script, out, source])
  return out
}

export default async function (t) {
  await t.check('a broken pack picked in the native dialog is listed problem by problem', async () => {
    const zip = brokenZip()
    await t.waitFor('the outline', () => t.find('main h1'))
    await t.navigate('/library')
    const before = await t.waitFor('the library count', () => t.textOf('[data-testid="library-count"]'))
    await t.click('[data-testid="import-pack"]')
    await t.waitFor('the source picker', () => t.find('[data-testid="choose-zip"]'))
    const listed = await pickInNativeDialog(t, {
      title: DIALOG_TITLE,
      path: zip,
      open: () => t.click('[data-testid="choose-zip"]'),
      done: () => t.find('[data-testid="diagnostics"]'),
    })
    t.assert(listed, 'the problem list never appeared after picking the broken pack')
    const first = await t.textOf('[data-testid="diagnostic-location"]')
    t.assert(/:\d+/.test(first), `the first problem has no line: ${first}`)
    // The app's default locale is Chinese, and so are the backend's messages.
    const message = await t.textOf('[data-testid="diagnostic-message"]')
    t.assert(/[\u4e00-\u9fff]/.test(message), `the first problem is not in Chinese: ${message}`)
    await t.screenshot('import-error-list')
    // Checking a pack installs nothing: the library behind the dialog is unchanged.
    const after = await t.textOf('[data-testid="library-count"]')
    t.assert(after === before, `the library changed from "${before}" to "${after}"`)
  })
}
