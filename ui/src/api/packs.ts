// Course packs: pick one with the system file dialog, validate it, import it.
// A path only reaches the backend after the user picked it in the dialog; the
// backend refuses (kind `forbidden`) any path that did not come from there.
import { Channel } from '@tauri-apps/api/core'
import { open } from '@tauri-apps/plugin-dialog'
import { call } from './client'
import { toAppError, toDiagnostics } from './errors'
import type { ImportProgress, ImportResult, PackValidation } from './types'

/** What the file dialog shows; the caller translates it. */
export interface PickerText {
  title: string
  /** Name of the `.zip` filter in the file dialog. */
  zipFilter?: string
}

/** Lets the user choose a pack folder. Null when they cancel. */
export function pickPackFolder(text: PickerText): Promise<string | null> {
  return pick({ title: text.title, directory: true, multiple: false })
}

/** Lets the user choose a zipped pack. Null when they cancel. */
export function pickPackZip(text: PickerText): Promise<string | null> {
  return pick({
    title: text.title,
    directory: false,
    multiple: false,
    filters: [{ name: text.zipFilter ?? 'zip', extensions: ['zip'] }],
  })
}

/** Opens the system file dialog for one file or folder. Null when the user cancels. */
export async function pick(options: Parameters<typeof open>[0]): Promise<string | null> {
  try {
    const picked: unknown = await open(options)
    if (Array.isArray(picked)) return typeof picked[0] === 'string' ? picked[0] : null
    return typeof picked === 'string' ? picked : null
  } catch (reason) {
    console.error('file dialog failed', reason)
    throw toAppError(reason)
  }
}

/** Checks a pack without installing anything. */
export async function validatePack(path: string): Promise<PackValidation> {
  const result = await call<PackValidation>('validate_pack', { path })
  return {
    valid: result.valid,
    diagnostics: toDiagnostics(result.diagnostics),
    courses: Array.isArray(result.courses) ? result.courses : [],
  }
}

/**
 * Installs or updates the pack's courses in one transaction. `onProgress`
 * hears each stage as the backend works. An older version than the one
 * installed is refused unless `force` is set.
 */
export async function importPack(
  path: string,
  options: { force?: boolean; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const channel = new Channel<ImportProgress>()
  channel.onmessage = (progress) => options.onProgress?.(progress)
  const result = await call<ImportResult>('import_pack', {
    path,
    force: options.force ?? false,
    onProgress: channel,
  })
  return { ...result, warnings: toDiagnostics(result.warnings) }
}
