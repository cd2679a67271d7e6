// The one place that talks to Tauri's IPC: every domain wrapper goes through
// `call`, so every failure reaches the UI as a typed AppError.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core'
import { toAppError } from './errors'
import { sessionLocked } from '../composables/useSessionLock'

export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (reason) {
    console.error(`command ${command} failed`, reason)
    const error = toAppError(reason)
    // A session that locked itself while idle: ask for the PIN, wherever it happened.
    if (error.locked) sessionLocked()
    throw error
  }
}
