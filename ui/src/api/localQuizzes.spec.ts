import { describe, expect, it } from 'vitest'
import { formatForFile } from './localQuizzes'

describe('formatForFile', () => {
  it.each([
    ['/home/王老师/题库/第一课.gift', 'gift'],
    ['C:\\题库\\BANK.GIFT', 'gift'],
    ['/tmp/moodle-export.xml', 'moodle-xml'],
    ['/tmp/questions-20261207.XML', 'moodle-xml'],
    ['/tmp/aiken.txt', 'aiken'],
    ['/tmp/no-extension', 'aiken'],
  ])('%s is read as %s', (path, format) => {
    expect(formatForFile(path)).toBe(format)
  })
})
