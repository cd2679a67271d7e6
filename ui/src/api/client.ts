// The one place that talks to Tauri's IPC: every domain wrapper goes through
// `call`, so every failure reaches the UI as a typed AppError.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core'
import { toAppError } from './errors'

export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (reason) {
    console.error(`command ${command} failed`, reason)
    throw toAppError(reason)
  }
}
