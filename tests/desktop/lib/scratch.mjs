// Scratch folders for the desktop checks (data folders, packs, files to pick),
// removed when a run passes: a video pack alone is 100 MB, and runs used to
// leave gigabytes in the temp folder. A failed run keeps them to look into.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made = []

process.on('exit', (code) => {
  if (code !== 0) return
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** A new, empty folder in the temp folder whose name starts with `prefix`. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
