// Fails on interface text that does not come from the message files: every
// string a learner reads must exist in zh-CN and en (see zh-CN.ts). It reads
// each .vue template with Vue's own compiler and flags text nodes, the static
// attributes people read (placeholder, title, aria-label, alt, …) and string
// literals with Chinese in template expressions; in scripts (.vue and .ts
// outside i18n/ and tests) it flags Chinese string literals.
import { describe, expect, it } from 'vitest'
import { parse } from '@vue/compiler-sfc'
import { NodeTypes, type TemplateChildNode, type AttributeNode, type DirectiveNode } from '@vue/compiler-core'

const vueFiles = import.meta.glob('../**/*.vue', { query: '?raw', import: 'default', eager: true }) as Record<string, string>
const tsFiles = import.meta.glob(['../**/*.ts', '!../**/*.spec.ts', '!../i18n/**', '!../test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

/** Attributes whose value is shown or read out to people. */
const READ_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'aria-description', 'aria-valuetext', 'alt', 'label'])
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/
const LETTERS = /[A-Za-z]/

/**
 * Text that is deliberately the same in every language, with the reason.
 * Keys are `file: text` as reported.
 */
const ALLOWED = new Set<string>([
  // The brand mark is a logo glyph (aria-hidden); the product name beside it is translated.
  '../components/AppHeader.vue: 群',
  // Input parsing, not output: a full-width comma typed as the decimal mark is accepted.
  '../lib/itemAnalysis.ts: ，',
])

function isUserText(text: string): boolean {
  return CJK.test(text) || LETTERS.test(text)
}

function stringLiterals(code: string): string[] {
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  )
}

function templateFindings(source: string): string[] {
  const { descriptor } = parse(source)
  const ast = descriptor.template?.ast
  if (!ast) return []
  const found: string[] = []
  const visit = (nodes: TemplateChildNode[]) => {
    for (const node of nodes) {
      if (node.type === NodeTypes.TEXT) {
        const text = node.content.trim()
        if (text && isUserText(text)) found.push(text)
      } else if (node.type === NodeTypes.INTERPOLATION) {
        const code = node.content.type === NodeTypes.SIMPLE_EXPRESSION ? node.content.content : ''
        for (const literal of stringLiterals(code)) if (CJK.test(literal)) found.push(literal)
      } else if (node.type === NodeTypes.ELEMENT) {
        // SVG drawing data is not prose; <kbd> holds key caps, which keyboards print the same everywhere.
        if (node.tag === 'svg' || node.tag === 'style' || node.tag === 'kbd') continue
        for (const prop of node.props as (AttributeNode | DirectiveNode)[]) {
          if (prop.type === NodeTypes.ATTRIBUTE) {
            const value = prop.value?.content.trim() ?? ''
            if (READ_ATTRIBUTES.has(prop.name) && value && isUserText(value)) found.push(value)
          } else if (prop.exp && prop.exp.type === NodeTypes.SIMPLE_EXPRESSION) {
            for (const literal of stringLiterals(prop.exp.content)) if (CJK.test(literal)) found.push(literal)
          }
        }
        visit(node.children)
      }
    }
  }
  visit(ast.children)
  return found
}

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

function scriptFindings(code: string): string[] {
  return stringLiterals(withoutComments(code)).filter((literal) => CJK.test(literal))
}

function findings(): string[] {
  const all: string[] = []
  for (const [file, source] of Object.entries(vueFiles)) {
    const { descriptor } = parse(source)
    const script = [descriptor.script?.content ?? '', descriptor.scriptSetup?.content ?? ''].join('\n')
    for (const text of [...templateFindings(source), ...scriptFindings(script)]) all.push(`${file}: ${text}`)
  }
  for (const [file, source] of Object.entries(tsFiles)) {
    for (const text of scriptFindings(source)) all.push(`${file}: ${text}`)
  }
  return all.filter((finding) => !ALLOWED.has(finding))
}

describe('interface text', () => {
  it('comes from the message files, never hard-coded in components', () => {
    expect(findings()).toEqual([])
  })

  it('is caught when hard-coded (the scanner itself works)', () => {
    const sample = `<template><p>欢迎</p><input placeholder="Search" :title="ok ? '好' : $t('x')" /><b>{{ $t('a.b') }}</b></template>`
    expect(templateFindings(sample)).toEqual(['欢迎', 'Search', '好'])
    expect(scriptFindings(`// 注释\nshowToast('已保存')\nconst k = 'learner.title'`)).toEqual(['已保存'])
  })
})
