import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyTheme, resolveTheme } from './preferences'

/** A stand-in for the OS setting that can flip like the real one. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>()
  const query = {
    matches: dark,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }
  vi.stubGlobal('matchMedia', () => query)
  return {
    flip(toDark: boolean) {
      query.matches = toDark
      for (const listener of listeners) listener()
    },
    listeners,
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  delete document.documentElement.dataset.theme
})

describe('themes', () => {
  it('"follow the system" resolves through prefers-color-scheme and keeps following it', () => {
    const system = fakeSystem(true)
    expect(resolveTheme('system')).toBe('dark')
    applyTheme('system')
    expect(document.documentElement.dataset.theme).toBe('dark')
    system.flip(false)
    expect(document.documentElement.dataset.theme).toBe('light')
  })

  it('a fixed choice ignores the system and stops following it', () => {
    const system = fakeSystem(false)
    applyTheme('system')
    applyTheme('dark')
    expect(system.listeners.size).toBe(0)
    system.flip(false)
    expect(document.documentElement.dataset.theme).toBe('dark')
  })
})
