import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../api/types'
import {
  comparePaths,
  countDiagnostics,
  diagnosticMessage,
  errorsFirst,
  formatLocation,
  groupDiagnostics,
  messageParts,
  sortDiagnostics,
} from './diagnostics'
import { brokenDiagnostics } from '../test/fixtures'

function d(file: string, line: number, col: number, severity: Diagnostic['severity'] = 'error', message = 'x'): Diagnostic {
  return { file, line, col, severity, message }
}

describe('diagnosticMessage', () => {
  const both: Diagnostic = { ...d('a.md', 1, 1), message: 'unknown quiz `q1`', message_zh: '没有 id 为 `q1` 的测验' }

  it('shows the Chinese message in a Chinese UI and the English one otherwise', () => {
    expect(diagnosticMessage(both, 'zh-CN')).toBe('没有 id 为 `q1` 的测验')
    expect(diagnosticMessage(both, 'en')).toBe('unknown quiz `q1`')
  })

  it('falls back to English when no Chinese message came with it', () => {
    expect(diagnosticMessage(d('a.md', 1, 1, 'error', 'bad'), 'zh-CN')).toBe('bad')
    expect(diagnosticMessage({ ...d('a.md', 1, 1, 'error', 'bad'), message_zh: '' }, 'zh-CN')).toBe('bad')
  })
})

describe('comparePaths', () => {
  it('orders numbered files by number and a folder’s files before deeper paths', () => {
    const paths = [
      'courses/demo/modules/10-review.md',
      'quizzes/demo/bank.toml',
      'courses/demo/modules/2-intro.md',
      'courses/demo/course.toml',
      'courses/demo/modules/03-setup.md',
      '',
    ]
    expect([...paths].sort(comparePaths)).toEqual([
      '',
      'courses/demo/course.toml',
      'courses/demo/modules/2-intro.md',
      'courses/demo/modules/03-setup.md',
      'courses/demo/modules/10-review.md',
      'quizzes/demo/bank.toml',
    ])
  })

  it('is a total order: equal only for equal paths', () => {
    expect(comparePaths('a/B.md', 'a/b.md')).not.toBe(0)
    expect(comparePaths('a/b.md', 'a/b.md')).toBe(0)
  })
})

describe('sortDiagnostics', () => {
  it('sorts by file, line, column, then errors before warnings', () => {
    const sorted = sortDiagnostics([
      d('b.md', 3, 1, 'warning'),
      d('b.md', 3, 1, 'error'),
      d('b.md', 10, 1),
      d('b.md', 3, 0),
      d('a.toml', 20, 4),
    ])
    expect(sorted.map((x) => `${formatLocation(x)} ${x.severity}`)).toEqual([
      'a.toml:20:4 error',
      'b.md:3 error',
      'b.md:3:1 error',
      'b.md:3:1 warning',
      'b.md:10:1 error',
    ])
  })

  it('leaves its input alone', () => {
    const input = [...brokenDiagnostics]
    sortDiagnostics(input)
    expect(input).toEqual(brokenDiagnostics)
  })
})

describe('groupDiagnostics', () => {
  it('makes one group per file, in pack order, with counts', () => {
    const groups = groupDiagnostics(brokenDiagnostics)
    expect(groups.map((g) => [g.file, g.errors, g.warnings])).toEqual([
      ['courses/demo/course.toml', 1, 0],
      ['courses/demo/modules/02-intro.md', 1, 1],
      ['courses/demo/modules/10-review.md', 1, 0],
    ])
    expect(groups[1].diagnostics.map((x) => x.line)).toEqual([7, 15])
  })

  it('puts problems with the pack as a whole first, and is empty for none', () => {
    const groups = groupDiagnostics([d('courses/a/course.toml', 1, 1), d('', 0, 0, 'error', 'no course.toml found')])
    expect(groups[0].file).toBe('')
    expect(groupDiagnostics([])).toEqual([])
  })
})

describe('countDiagnostics', () => {
  it('counts errors and warnings', () => {
    expect(countDiagnostics(brokenDiagnostics)).toEqual({ errors: 3, warnings: 1 })
    expect(countDiagnostics([])).toEqual({ errors: 0, warnings: 0 })
  })
})

describe('formatLocation', () => {
  it('writes file:line:col and drops the parts that are unknown', () => {
    expect(formatLocation(d('courses/demo/modules/02-intro.md', 7, 1))).toBe('courses/demo/modules/02-intro.md:7:1')
    expect(formatLocation(d('course.toml', 4, 0))).toBe('course.toml:4')
    expect(formatLocation(d('assets/big.mp4', 0, 0))).toBe('assets/big.mp4')
    expect(formatLocation(d('', 0, 0))).toBe('')
  })
})

describe('messageParts', () => {
  it('marks `quoted` names as code', () => {
    expect(messageParts('unknown module kind `lecture`, expected one of theory')).toEqual([
      { text: 'unknown module kind ', code: false },
      { text: 'lecture', code: true },
      { text: ', expected one of theory', code: false },
    ])
  })

  it('keeps an unmatched backtick as plain text', () => {
    expect(messageParts('stray ` here')).toEqual([{ text: 'stray ` here', code: false }])
  })
})

describe('errorsFirst', () => {
  it('puts files with errors first and, in each file, errors before warnings', () => {
    const groups = errorsFirst(
      groupDiagnostics([
        d('courses/a/modules/01.md', 3, 1, 'warning', 'w1'),
        d('courses/a/modules/01.md', 9, 1, 'error', 'e1'),
        d('courses/a/modules/01.md', 12, 1, 'warning', 'w2'),
        d('courses/a/course.toml', 2, 1, 'warning', 'w0'),
        d('courses/a/modules/02.md', 1, 1, 'error', 'e2'),
      ]),
    )
    expect(groups.map((g) => g.file)).toEqual(['courses/a/modules/01.md', 'courses/a/modules/02.md', 'courses/a/course.toml'])
    expect(groups[0].diagnostics.map((x) => x.message)).toEqual(['e1', 'w1', 'w2'])
  })
})
