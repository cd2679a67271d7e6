import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { AppError, ERROR_KINDS, toAppError, toDiagnostics } from './errors'
import { openModule } from './courses'
import { completeModule } from './progress'

// Failed commands are logged for developers; keep test output readable.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

describe('toAppError', () => {
  it('keeps the kind and message the backend sent', () => {
    const error = toAppError({ kind: 'not_found', message: 'module m99 not found' })
    expect(error).toBeInstanceOf(AppError)
    expect(error.kind).toBe('not_found')
    expect(error.message).toBe('module m99 not found')
  })

  it('treats unknown kinds, plain strings and JS errors as internal', () => {
    expect(toAppError({ kind: 'exploded', message: 'x' }).kind).toBe('internal')
    expect(toAppError('command list_courses not found').kind).toBe('internal')
    expect(toAppError(new TypeError('window.__TAURI_INTERNALS__ is undefined')).kind).toBe('internal')
    expect(toAppError(undefined).kind).toBe('internal')
  })

  it('never passes on a stack trace or an endless message', () => {
    const error = toAppError({ kind: 'io', message: 'read failed\n   at foo (bar.rs:1)\n   at baz' })
    expect(error.message).toBe('read failed')
    expect(toAppError({ kind: 'io', message: 'x'.repeat(1000) }).message.length).toBeLessThanOrEqual(301)
  })
})

describe('pack diagnostics on an error', () => {
  it('keeps well-formed diagnostics and drops the rest', () => {
    const error = toAppError({
      kind: 'invalid_input',
      message: 'the pack has 1 error',
      diagnostics: [
        { file: 'courses/demo/course.toml', line: 3, col: 1, severity: 'error', message: 'unknown key `auther`' },
        { file: 'x.md', severity: 'fatal', message: 'not a severity we know' },
        'courses/demo/course.toml:3:1: a bare string',
      ],
    })
    expect(error.diagnostics).toEqual([
      { file: 'courses/demo/course.toml', line: 3, col: 1, severity: 'error', message: 'unknown key `auther`' },
    ])
  })

  it('tidies positions and messages, and is empty when there are none', () => {
    const [diagnostic] = toDiagnostics([
      { file: 'a.md', line: -1, col: 2.5, severity: 'warning', message: 'remote image\n   at render (md.rs:9)' },
    ])
    expect(diagnostic).toEqual({ file: 'a.md', line: 0, col: 0, severity: 'warning', message: 'remote image' })
    expect(toAppError({ kind: 'io', message: 'x' }).diagnostics).toEqual([])
  })

  it('keeps the Chinese message when the backend sent one', () => {
    const [diagnostic] = toDiagnostics([
      { file: 'a.md', line: 2, col: 1, severity: 'error', message: 'stem must not be empty', message_zh: '`stem` 不能为空\nmore' },
    ])
    expect(diagnostic).toEqual({
      file: 'a.md',
      line: 2,
      col: 1,
      severity: 'error',
      message: 'stem must not be empty',
      message_zh: '`stem` 不能为空',
    })
  })
})

describe('command wrappers', () => {
  it('send camelCase arguments to the right command', async () => {
    const calls: [string, unknown][] = []
    mockIPC((cmd, args) => {
      calls.push([cmd, args])
      return { id: 'm01', status: 'completed' }
    })
    await openModule('course-a', 'm01')
    await completeModule('course-a', 'm01')
    expect(calls).toEqual([
      ['open_module', { courseId: 'course-a', moduleId: 'm01' }],
      ['complete_module', { courseId: 'course-a', moduleId: 'm01' }],
    ])
  })

  it('reject with a typed AppError', async () => {
    mockIPC(() => Promise.reject({ kind: 'forbidden', message: 'learners cannot grade' }))
    await expect(completeModule('c', 'm')).rejects.toMatchObject({ name: 'AppError', kind: 'forbidden' })
    // The raw rejection stays available to developers in the console.
    expect(console.error).toHaveBeenCalledWith('command complete_module failed', expect.anything())
  })
})

describe('the language of an error', () => {
  afterEach(() => {
    document.documentElement.lang = ''
  })

  // One row per kind the backend sends, with the texts it sends for it.
  const sent = {
    not_found: ['course c9 not found', '找不到课程 c9'],
    invalid_input: ['the quiz has no attempts left', '这个测验的作答次数已用完'],
    database: ['database error: disk I/O error', '数据库出错：disk I/O error'],
    io: ['cannot read a.zip: permission denied', '无法读取 a.zip：permission denied'],
    internal: ['a background task failed: panicked', '后台任务失败：panicked'],
    forbidden: [
      'exporting grades needs the instructor role; the active profile is a learner',
      '导出成绩包需要讲师身份，当前档案是学员',
    ],
    conflict: ['course c1 1.2.0 is newer than 1.1.0', '已安装的课程 c1 1.2.0 比 1.1.0 更新'],
  } as const satisfies Record<(typeof ERROR_KINDS)[number], readonly [string, string]>

  for (const kind of ERROR_KINDS) {
    const [en, zh] = sent[kind]
    it(`shows a ${kind} error in the interface language`, () => {
      document.documentElement.lang = 'en'
      const english = toAppError({ kind, message: en, message_zh: zh })
      expect(english.message).toBe(en)
      document.documentElement.lang = 'zh-CN'
      const chinese = toAppError({ kind, message: en, message_zh: zh })
      expect(chinese.message).toBe(zh)
      expect(chinese.textIn('en')).toBe(en)
      expect(english.textIn('zh-CN')).toBe(zh)
    })
  }

  it('falls back to the English text when no Chinese one came', () => {
    document.documentElement.lang = 'zh-CN'
    expect(toAppError({ kind: 'internal', message: 'unknown command' }).message).toBe('unknown command')
  })
})
