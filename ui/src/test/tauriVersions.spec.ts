// Keeps the two halves of Tauri in step: `tauri build` refuses to bundle when a
// Rust crate and its npm package differ in major.minor (tauri ↔ @tauri-apps/api,
// tauri-plugin-<x> ↔ @tauri-apps/plugin-<x>). Reads the versions actually
// locked in Cargo.lock and package-lock.json, so a bump on one side fails here
// first, not in the release build.
import { describe, expect, it } from 'vitest'
import cargoLock from '../../../Cargo.lock?raw'
import npmLockText from '../../../package-lock.json?raw'

/** Every `[[package]]` of Cargo.lock as name → versions (a crate can be locked twice). */
function cratesLocked(lock: string): Map<string, string[]> {
  const crates = new Map<string, string[]>()
  for (const block of lock.split('[[package]]').slice(1)) {
    const name = /^name = "([^"]+)"/m.exec(block)?.[1]
    const version = /^version = "([^"]+)"/m.exec(block)?.[1]
    if (name && version) crates.set(name, [...(crates.get(name) ?? []), version])
  }
  return crates
}

/** The top-level @tauri-apps packages package-lock.json installs, as name → version. */
function npmLocked(lock: string): Map<string, string> {
  const packages = (JSON.parse(lock) as { packages: Record<string, { version?: string }> }).packages
  const locked = new Map<string, string>()
  for (const [path, entry] of Object.entries(packages)) {
    const name = /^node_modules\/(@tauri-apps\/(?:api|plugin-[a-z0-9-]+))$/.exec(path)?.[1]
    if (name && entry.version) locked.set(name, entry.version)
  }
  return locked
}

const majorMinor = (version: string) => version.split('.').slice(0, 2).join('.')

/** The crate each npm package talks to. */
function crateOf(npmName: string): string {
  return npmName === '@tauri-apps/api' ? 'tauri' : npmName.replace('@tauri-apps/plugin-', 'tauri-plugin-')
}

const crates = cratesLocked(cargoLock)
const npm = npmLocked(npmLockText)

describe('Tauri crate and npm versions', () => {
  it('finds both lock files', () => {
    expect(crates.get('tauri')).toBeDefined()
    expect(npm.get('@tauri-apps/api')).toBeDefined()
  })

  it.each([...npm.keys()])('%s matches its crate in major.minor', (npmName) => {
    const crate = crateOf(npmName)
    const npmVersion = npm.get(npmName)!
    const crateVersions = crates.get(crate) ?? []
    expect(crateVersions, `${npmName} ${npmVersion} is in package-lock.json but ${crate} is not in Cargo.lock`).not.toHaveLength(0)
    for (const crateVersion of crateVersions) {
      expect(majorMinor(crateVersion), `${crate} ${crateVersion} (Cargo.lock) vs ${npmName} ${npmVersion} (package-lock.json)`).toBe(
        majorMinor(npmVersion),
      )
    }
  })
})
