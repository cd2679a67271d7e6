// The one place that talks to Tauri's IPC: every domain wrapper goes through
// `call`, so every failure reaches the UI as a typed AppError.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core'
import { toAppError } from './errors'
import { sessionLocked } from '../composables/useSessionLock'
import { adminNeeded } from '../composables/useAdminSetup'

export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (reason) {
    console.error(`command ${command} failed`, reason)
    const error = toAppError(reason)
    // A locked profile: ask for the PIN, wherever it happened. A machine
    // without an admin, or with one an older version made: set one up first.
    if (error.remedy === 'unlock') sessionLocked()
    else if (error.remedy === 'set_up_admin' || error.remedy === 'confirm_admin') adminNeeded(error.remedy)
    throw error
  }
}
