// App-level commands: build information and start-up timing.
import { call } from './client'
import type { AppInfo } from './types'

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info')
}

/** Tells the backend the first screen is interactive (cold-start budget). */
export async function uiReady(): Promise<void> {
  await call<null>('ui_ready')
}
