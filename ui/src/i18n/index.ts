// vue-i18n set-up: Composition API only (`legacy: false`; the Legacy API and
// v-t that vue-i18n 11 deprecates are never used), zh-CN first, English as
// fallback for any key a future locale forgets. Messages are compiled without
// eval (JIT, the default since vue-i18n 10), so this works under the
// webview's strict CSP.
import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]

export const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhCN, en }

export function createAppI18n(locale: Locale = 'zh-CN') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
  })
}

/**
 * The key of the `one` or `other` form under `key`, for counted phrases such
 * as "1 error" / "3 errors". Messages avoid vue-i18n's `|` plural syntax (see
 * zh-CN.ts); Chinese simply has the same text in both forms.
 */
export function countKey(key: string, count: number): string {
  return `${key}.${count === 1 ? 'one' : 'other'}`
}
