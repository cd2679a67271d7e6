// xAPI learning records: where they are sent (settings), how the outbox
// stands (status) and sending now. The password is write-only: the backend
// only says whether one is stored.
import { call } from './client'

/** Private mode (`bundle`: marks come in the instructor's grades bundle) or company mode (`lrs`: read back from the LRS). */
export type MarksArriveBy = 'bundle' | 'lrs'

export interface XapiSettings {
  endpoint: string
  username: string
  passwordSet: boolean
  /** Where this machine keeps the password: the OS credential store, or an owner-only file beside the database. */
  passwordKeptIn: 'keyring' | 'file'
  iriBase: string
  marksArriveBy: MarksArriveBy
}

export interface XapiSettingsInput {
  endpoint: string
  username: string
  /** null keeps the stored password. */
  password: string | null
  iriBase: string
  /** null keeps the mode in force. */
  marksArriveBy: MarksArriveBy | null
}

export interface XapiStatus {
  configured: boolean
  pending: number
  sent: number
  lastSuccessAt: string | null
  lastError: string | null
  lastErrorAt: string | null
}

export interface SyncReport {
  sent: number
  batches: number
  pending: number
  /** In company mode, the marks taken in after sending; null where marks arrive by grades bundle. */
  marksApplied: number | null
}

export function xapiSettings(): Promise<XapiSettings> {
  return call<XapiSettings>('xapi_settings')
}

export function saveXapiSettings(input: XapiSettingsInput): Promise<XapiSettings> {
  return call<XapiSettings>('xapi_save_settings', { input })
}

export function xapiStatus(): Promise<XapiStatus> {
  return call<XapiStatus>('xapi_status')
}

export function xapiSyncNow(): Promise<SyncReport> {
  return call<SyncReport>('xapi_sync_now')
}
