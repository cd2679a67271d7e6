//! Interface preferences kept on this machine: the language, the colour theme and the text size.
// They live in localStorage rather than the database because they belong to the
// window, not to a learner profile, and must apply before the first paint (main.ts
// reads them before mounting). A stored value that is not one of ours is ignored.
import { SUPPORTED_LOCALES, type Locale } from '../i18n'
import { readStored as read, writeStored as write } from './localStore'

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEMES)[number]

/** Text size steps, in percent of the normal size (100). */
export const TEXT_SIZES = [90, 100, 115, 130, 150] as const
export type TextSize = (typeof TEXT_SIZES)[number]
export const DEFAULT_TEXT_SIZE: TextSize = 100

const LOCALE_KEY = 'qunxue.locale'
const THEME_KEY = 'qunxue.theme'
const TEXT_SIZE_KEY = 'qunxue.textSize'

/** `value` when it is one of `choices`, else `fallback`. */
function oneOf<T extends string | number>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.includes(value as T) ? (value as T) : fallback
}

/**
 * The language the operating system asks for, on a first start: any Chinese
 * (zh, zh-TW, zh-Hans-SG…) gets 简体中文, any English gets English, and every
 * other language the default, Chinese.
 */
export function systemLocale(): Locale {
  // The desktop app hands over the OS's languages (src-tauri/src/system_locale.rs);
  // WebKitGTK's navigator.language says en-US whenever the C locale is missing.
  const fromOs = (window as unknown as { __QUNXUE_SYSTEM_LOCALES__?: readonly string[] }).__QUNXUE_SYSTEM_LOCALES__
  const asked = fromOs ?? (navigator.languages?.length ? navigator.languages : [navigator.language])
  for (const tag of asked) {
    const language = (tag ?? '').toLowerCase().split('-')[0]
    if (language === 'zh') return 'zh-CN'
    if (language === 'en') return 'en'
  }
  return 'zh-CN'
}

/** The language picked in 设置, or the system's until someone picks one. */
export function storedLocale(): Locale {
  return oneOf(SUPPORTED_LOCALES, read(LOCALE_KEY), systemLocale())
}

export function storeLocale(locale: Locale): void {
  write(LOCALE_KEY, locale)
}

export function storedTheme(): ThemeChoice {
  return oneOf(THEMES, read(THEME_KEY), 'system')
}

export function storeTheme(theme: ThemeChoice): void {
  write(THEME_KEY, theme)
}

export function storedTextSize(): TextSize {
  return oneOf(TEXT_SIZES, Number(read(TEXT_SIZE_KEY)), DEFAULT_TEXT_SIZE)
}

export function storeTextSize(size: TextSize): void {
  write(TEXT_SIZE_KEY, String(size))
}

/** The next step up (1) or down (-1) from `size`, staying at the ends. */
export function stepTextSize(size: TextSize, direction: 1 | -1): TextSize {
  const index = TEXT_SIZES.indexOf(size) + direction
  return TEXT_SIZES[Math.min(Math.max(index, 0), TEXT_SIZES.length - 1)]
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
