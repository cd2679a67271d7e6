//! The last packs imported on this machine, newest first, for the import
// dialog's 最近导入 list: where each was (path and kind), which course it held
// and when it went in. Kept in localStorage, like the interface preferences.
// An entry is only a shortcut: a pack since moved or deleted fails the usual
// check with the usual "not found" error.
import type { PackSource } from '../composables/usePackImport'
import { readStored, writeStored } from './localStore'

export interface RecentPack {
  source: PackSource
  title: string
  importedAt: string
}

const KEY = 'qunxue.recentPacks'
export const MAX_RECENT_PACKS = 5

function isRecentPack(value: unknown): value is RecentPack {
  const entry = value as RecentPack | null
  return (
    !!entry &&
    typeof entry.title === 'string' &&
    typeof entry.importedAt === 'string' &&
    typeof entry.source?.path === 'string' &&
    (entry.source.kind === 'zip' || entry.source.kind === 'folder')
  )
}

export function recentPacks(): RecentPack[] {
  try {
    const stored: unknown = JSON.parse(readStored(KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter(isRecentPack).slice(0, MAX_RECENT_PACKS) : []
  } catch {
    return []
  }
}

/** Puts a pack that was just imported at the top; the same path is listed once. */
export function rememberPack(source: PackSource, title: string, importedAt = new Date().toISOString()): void {
  const others = recentPacks().filter((entry) => entry.source.path !== source.path)
  const entry: RecentPack = { source: { kind: source.kind, path: source.path }, title, importedAt }
  writeStored(KEY, JSON.stringify([entry, ...others].slice(0, MAX_RECENT_PACKS)))
}
