// Picking a file in the native GTK file dialog of the real app, as a user
// would: Xvfb has no window manager, so xdotool focuses the dialog by its
// title, opens its location field (Ctrl+L) and types the path. GTK can drop
// keys typed while the dialog is still settling, so a try that shows
// nothing is repeated (up to 3 times). Shared by the checks in ../checks/.

import { execFileSync } from 'node:child_process'

const pause = (ms) => new Promise((done) => setTimeout(done, ms))

function xdotool(...args) {
  return execFileSync('xdotool', args, { encoding: 'utf8', timeout: 20_000 }).trim()
}

/** Whether a window with this title is on screen (xdotool exits 1 when nothing matches). */
function dialogOpen(title) {
  try {
    return xdotool('search', '--onlyvisible', '--name', title) !== ''
  } catch {
    return false
  }
}

/**
 * Opens the dialog with `open()` (a click in the app), types `path` into the
 * dialog titled `title`, and waits for `done()` (a probe of the app's
 * response). Returns whether the app responded.
 */
export async function pickInNativeDialog(t, { title, path, open, done }) {
  await open()
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (attempt > 1 && !dialogOpen(title)) await open()
    const window = xdotool('search', '--sync', '--onlyvisible', '--name', title).split('\n')[0]
    xdotool('windowfocus', '--sync', window)
    await pause(800)
    xdotool('key', 'ctrl+l')
    await pause(300)
    xdotool('type', '--delay', '40', path)
    await pause(500)
    xdotool('key', 'Return')
    const responded = await t.waitFor(`the app's response to picking ${path}`, done, 10_000).then(
      () => true,
      () => false,
    )
    if (responded) return true
  }
  return false
}
