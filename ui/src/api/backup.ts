// Backups of the learner database (Settings) and the recovery screen shown
// when the database failed its start-up check.
import { call } from './client'

export type BackupReason = 'daily' | 'manual' | 'pre-import' | 'pre-migration' | 'pre-removal'

export interface BackupEntry {
  file_name: string
  path: string
  reason: BackupReason
  /** RFC 3339, UTC. */
  created_at: string
  size: number
}

export interface BackupList {
  folder: string
  backups: BackupEntry[]
  keepDaily: number
  keepWeekly: number
  keepRecent: number
}

export interface Restored {
  restoredFrom: string
  replacedKeptAt: string | null
}

export interface Damage {
  database: string
  problem: string
  backups: BackupEntry[]
}

export function listBackups(): Promise<BackupList> {
  return call<BackupList>('list_backups')
}

export function createBackupNow(): Promise<BackupEntry> {
  return call<BackupEntry>('create_backup_now')
}

/** Replaces the database with a listed backup (instructors and admins). */
export function restoreBackup(fileName: string): Promise<Restored> {
  return call<Restored>('restore_backup', { fileName })
}

/** The damage found at start-up, or null when the database is healthy. */
export function recoveryStatus(): Promise<Damage | null> {
  return call<Damage | null>('recovery_status')
}

/** Restores a backup over a damaged database; `null` starts on a new, empty one. */
export function recoverDatabase(fileName: string | null): Promise<Restored> {
  return call<Restored>('recover_database', { fileName })
}
