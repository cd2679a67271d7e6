//! localStorage that never throws: settings and lists kept on this machine
// (lib/preferences.ts, lib/recentPacks.ts) read nothing when storage is
// disabled and keep working for the session, unsaved.

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    // Storage can be disabled; the defaults still give a working screen.
    return null
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // Not persisted, but still applied for this session.
  }
}
