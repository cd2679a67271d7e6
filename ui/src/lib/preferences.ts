//! Interface preferences kept on this machine: the language and the colour theme.
// They live in localStorage rather than the database because they belong to the
// window, not to a learner profile, and must apply before the first paint (main.ts
// reads them before mounting). A stored value that is not one of ours is ignored.
import { SUPPORTED_LOCALES, type Locale } from '../i18n'

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEMES)[number]

const LOCALE_KEY = 'qunxue.locale'
const THEME_KEY = 'qunxue.theme'

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    // Storage can be disabled; the defaults still give a working screen.
    return null
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // Not persisted, but still applied for this session.
  }
}

export function storedLocale(): Locale {
  const value = read(LOCALE_KEY)
  return (SUPPORTED_LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'zh-CN'
}

export function storeLocale(locale: Locale): void {
  write(LOCALE_KEY, locale)
}

export function storedTheme(): ThemeChoice {
  const value = read(THEME_KEY)
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as ThemeChoice) : 'system'
}

export function storeTheme(theme: ThemeChoice): void {
  write(THEME_KEY, theme)
}

const darkQuery = (): MediaQueryList | null =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null

/** The theme actually shown: "system" follows the operating system. */
export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice
  return darkQuery()?.matches ? 'dark' : 'light'
}

let followSystem: (() => void) | null = null

/**
 * Puts the theme on <html data-theme>, which tokens.css keys the dark palette on.
 * With "system" it keeps following the OS setting as it changes.
 */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement
  const query = darkQuery()
  if (followSystem && query) query.removeEventListener('change', followSystem)
  followSystem = null
  root.dataset.theme = resolveTheme(choice)
  root.dataset.themeChoice = choice
  if (choice === 'system' && query) {
    followSystem = () => {
      root.dataset.theme = resolveTheme('system')
    }
    query.addEventListener('change', followSystem)
  }
}

/** Sets the page language for screen readers, hyphenation and CJK font selection. */
export function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale
}
