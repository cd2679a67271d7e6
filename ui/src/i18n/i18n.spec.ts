import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((flat, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === 'string' ? { ...flat, [path]: value } : { ...flat, ...flatten(value, path) }
  }, {})
}

const zh = flatten(zhCN)
const english = flatten(en)

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

describe('locales', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort())
  })

  it('have no empty messages', () => {
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(english)]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it('use the same placeholders for the same key', () => {
    for (const key of Object.keys(zh)) {
      expect(placeholders(english[key]), key).toEqual(placeholders(zh[key]))
    }
  })

  it('avoid characters vue-i18n would read as syntax', () => {
    // @ starts a linked message and | separates plural forms.
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(english)]) {
      expect(value, key).not.toMatch(/[@|]/)
    }
  })
})
