//! What a path from outside the app (dropped on the window, or opened with the
// app) could be, judged by its name alone — the backend checks the contents.
// A course pack is a .zip, a .qxpack or a folder; a bundle (task submissions,
// grades, learner records) is a .zip or a .qxbundle. A plain .zip can be
// either, so the screen it lands on decides.
import type { PackSource } from '../composables/usePackImport'

/** The lower-case extension, or '' for a name without one (a folder, usually: "pack-1.2" counts as none). */
export function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).filter(Boolean).at(-1) ?? ''
  return /\.([a-z][a-z0-9]{0,7})$/i.exec(name)?.[1].toLowerCase() ?? ''
}

export function isPackPath(path: string): boolean {
  return ['zip', 'qxpack', ''].includes(extensionOf(path))
}

export function isBundlePath(path: string): boolean {
  return ['zip', 'qxbundle'].includes(extensionOf(path))
}

/** A pack path as the import dialog takes it. */
export function packSource(path: string): PackSource {
  return { kind: extensionOf(path) === '' ? 'folder' : 'zip', path }
}
