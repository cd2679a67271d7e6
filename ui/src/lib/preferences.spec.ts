import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyTheme, resolveTheme, stepTextSize, storeLocale, storeTextSize, storedLocale, storedTextSize } from './preferences'

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
  vi.restoreAllMocks()
  delete document.documentElement.dataset.theme
  window.localStorage.clear()
})

/** The languages the operating system asks for, most wanted first. */
function systemLanguages(...languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages)
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '')
}

describe('the interface language', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh-TW', 'en-US'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['en-GB'], 'en'],
    [['EN'], 'en'],
    [['fr-FR', 'en-US'], 'en'],
    [['fr-FR', 'de'], 'zh-CN'],
    [[], 'zh-CN'],
  ])('on a first start follows the system: %j gives %s', (languages, expected) => {
    systemLanguages(...languages)
    expect(storedLocale()).toBe(expected)
  })

  it('in the desktop app follows the languages the OS handed over, not the webview', () => {
    systemLanguages('en-US')
    const w = window as unknown as { __QUNXUE_SYSTEM_LOCALES__?: readonly string[] }
    try {
      w.__QUNXUE_SYSTEM_LOCALES__ = ['zh-CN']
      expect(storedLocale()).toBe('zh-CN')
      // The C locale: nothing we know, so Chinese, even though WebKit says en-US.
      w.__QUNXUE_SYSTEM_LOCALES__ = []
      expect(storedLocale()).toBe('zh-CN')
      w.__QUNXUE_SYSTEM_LOCALES__ = ['de-DE', 'en-GB']
      expect(storedLocale()).toBe('en')
    } finally {
      delete w.__QUNXUE_SYSTEM_LOCALES__
    }
  })

  it('keeps the language picked in 设置 over the system one', () => {
    systemLanguages('en-US')
    storeLocale('zh-CN')
    expect(storedLocale()).toBe('zh-CN')
  })

  it('falls back to the system language when the stored one is not ours', () => {
    systemLanguages('en-US')
    window.localStorage.setItem('qunxue.locale', 'fr')
    expect(storedLocale()).toBe('en')
  })
})

describe('the text size', () => {
  it('is 100% until chosen, and ignores sizes that are not a step', () => {
    expect(storedTextSize()).toBe(100)
    window.localStorage.setItem('qunxue.textSize', '120')
    expect(storedTextSize()).toBe(100)
    storeTextSize(130)
    expect(storedTextSize()).toBe(130)
  })

  it('steps up and down and stays at the ends', () => {
    expect(stepTextSize(100, 1)).toBe(115)
    expect(stepTextSize(100, -1)).toBe(90)
    expect(stepTextSize(150, 1)).toBe(150)
    expect(stepTextSize(90, -1)).toBe(90)
  })
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
