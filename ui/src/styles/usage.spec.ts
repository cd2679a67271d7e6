// Keeps components on the design system: every CSS variable a component or
// stylesheet reads is defined in tokens.css (or by the component itself), and
// component styles carry no raw colours, which would ignore the dark theme
// and the course accent. A missing token silently falls back (or to nothing);
// this test makes it loud.
import { describe, expect, it } from 'vitest'
import tokensCss from './tokens.css?raw'

const vueFiles = import.meta.glob('../**/*.vue', { query: '?raw', import: 'default', eager: true }) as Record<string, string>
const cssFiles = import.meta.glob('./*.css', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

const definedIn = (css: string) => new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]))
const TOKENS = definedIn(tokensCss)
// Set at run time on <html> or a card (useCourseAccent.ts, CourseCard.vue).
const RUNTIME = /^--(course|card)-/

function styles(source: string): string {
  return [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n')
}

function unknownVariables(css: string, own: Set<string>): string[] {
  return [...css.matchAll(/var\((--[\w-]+)/g)]
    .map((m) => m[1])
    .filter((name) => !TOKENS.has(name) && !own.has(name) && !RUNTIME.test(name))
}

function rawColours(css: string): string[] {
  // Fallbacks inside var() are checked by the variable rule; strip them first.
  const withoutVars = css.replace(/var\([^()]*(\([^()]*\))?[^()]*\)/g, '')
  return [...withoutVars.matchAll(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\)/gi)].map((m) => m[0])
}

describe('design tokens', () => {
  it('every var(--…) used is defined', () => {
    const problems: string[] = []
    for (const [file, source] of Object.entries(vueFiles)) {
      const css = styles(source)
      for (const name of unknownVariables(css, definedIn(css))) problems.push(`${file}: ${name}`)
    }
    for (const [file, css] of Object.entries(cssFiles)) {
      for (const name of unknownVariables(css, definedIn(css))) problems.push(`${file}: ${name}`)
    }
    expect(problems).toEqual([])
  })

  it('component styles use colour tokens, not raw colours', () => {
    const problems: string[] = []
    for (const [file, source] of Object.entries(vueFiles)) {
      for (const colour of rawColours(styles(source))) problems.push(`${file}: ${colour}`)
    }
    expect(problems).toEqual([])
  })

  it('catches an undefined variable and a raw colour (the checks themselves work)', () => {
    expect(unknownVariables('.a { color: var(--colour-txt); background: var(--color-surface) }', new Set())).toEqual([
      '--colour-txt',
    ])
    expect(rawColours('.a { color: #b42318; background: var(--x, #fff); border-color: rgb(0 0 0 / 0.1) }')).toEqual([
      '#b42318',
      'rgb(0 0 0 / 0.1)',
    ])
  })
})
