// Guards the WCAG AA claim in tokens.css: every text/background pair the
// components use must keep at least 4.5:1 in both themes.
import { describe, expect, it } from 'vitest'
import tokensCss from './tokens.css?raw'
import { contrast, parseHex } from '../lib/colour'

function tokens(block: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) found[match[1]] = match[2]
  // Accent fallbacks live inside var(--course-accent, #……).
  for (const match of block.matchAll(/--(color-accent(?:-text)?):\s*var\([^,]+,\s*(#[0-9a-f]{6})\)/gi)) found[match[1]] = match[2]
  return found
}

const [lightBlock, darkBlock] = tokensCss.split(":root[data-theme='dark']")
const light = tokens(lightBlock)
const dark = { ...light, ...tokens(darkBlock) }

const PAIRS: [string, string][] = [
  ['color-text', 'color-bg'],
  ['color-text', 'color-surface'],
  ['color-text-muted', 'color-bg'],
  ['color-text-muted', 'color-surface'],
  ['color-accent-text', 'color-surface'],
  ['color-accent-text', 'color-bg'],
  ['color-on-accent', 'color-accent'],
  ['color-status-todo-text', 'color-status-todo-bg'],
  ['color-status-doing-text', 'color-status-doing-bg'],
  ['color-status-done-text', 'color-status-done-bg'],
  ['color-danger-text', 'color-danger-bg'],
  ['color-text', 'color-danger-bg'],
  ['color-danger-text', 'color-surface'],
  ['color-on-danger', 'color-danger'],
  ['color-warning-text', 'color-warning-bg'],
  ['color-warning-text', 'color-surface'],
  ['color-text', 'color-warning-bg'],
  ['color-success-text', 'color-success-bg'],
  ['color-success-text', 'color-surface'],
  ['color-on-highlight', 'color-highlight'],
]

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme', (_name, theme) => {
  it.each(PAIRS)('%s on %s meets 4.5:1', (fg, bg) => {
    expect(theme[fg], fg).toBeDefined()
    expect(theme[bg], bg).toBeDefined()
    expect(contrast(parseHex(theme[fg])!, parseHex(theme[bg])!)).toBeGreaterThanOrEqual(4.5)
  })
})
