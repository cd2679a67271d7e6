import { describe, expect, it } from 'vitest'
import type { AuthorSnapshot } from '../api/author'
import { authorQuestions, authorSnapshot, brokenFrontMatter, MODULE_FILES, savedWithBrokenFrontMatter } from '../test/authorFixtures'
import { countsByFile, firstSelection, moduleOfFile, questionView, reselect, selectedModule, selectedQuiz } from './author'

const course = authorSnapshot.courses[0]
const display = { kind: 'module' as const, course: 'store-service', id: 'display' }
const quiz = { kind: 'quiz' as const, course: 'store-service', id: 'greeting-check' }

function without(moduleId: string): AuthorSnapshot {
  return { ...authorSnapshot, courses: [{ ...course, modules: course.modules.filter((m) => m.id !== moduleId) }] }
}

describe('selection across snapshots', () => {
  it('starts at the first module, else the first quiz, else nothing', () => {
    expect(firstSelection(authorSnapshot)).toEqual({ kind: 'module', course: 'store-service', id: 'greeting' })
    const quizOnly = { ...authorSnapshot, courses: [{ ...course, modules: [] }] }
    expect(firstSelection(quizOnly)).toEqual(quiz)
    expect(firstSelection({ ...authorSnapshot, courses: [] })).toBeNull()
  })

  it('keeps the module or quiz chosen while the new snapshot still has it', () => {
    expect(reselect(savedWithBrokenFrontMatter(), display)).toBe(display)
    expect(reselect(savedWithBrokenFrontMatter(), quiz)).toBe(quiz)
    expect(selectedModule(authorSnapshot, display)?.title).toBe('水果陈列实操')
    expect(selectedQuiz(authorSnapshot, quiz)?.title).toBe('迎客小测')
  })

  it('falls back to the first when the chosen one is gone (renamed, deleted, or the course broke)', () => {
    expect(reselect(without('display'), display)).toEqual({ kind: 'module', course: 'store-service', id: 'greeting' })
    expect(reselect({ ...authorSnapshot, courses: [] }, display)).toBeNull()
    expect(reselect(authorSnapshot, null)?.id).toBe('greeting')
  })
})

describe('problems and files', () => {
  it('finds the module a problem is in, and nothing for other files', () => {
    expect(moduleOfFile(authorSnapshot, MODULE_FILES.coaching)).toEqual({ kind: 'module', course: 'store-service', id: 'coaching' })
    expect(moduleOfFile(authorSnapshot, 'courses/store-service/course.toml')).toBeNull()
  })

  it('counts errors and warnings per file', () => {
    const counts = countsByFile(savedWithBrokenFrontMatter().diagnostics)
    expect(counts.get(brokenFrontMatter.file)).toEqual({ errors: 1, warnings: 0 })
    expect(counts.get(MODULE_FILES.display)).toEqual({ errors: 0, warnings: 1 })
    expect(counts.get(MODULE_FILES.coaching)).toBeUndefined()
  })
})

describe('questionView', () => {
  const byType = (type: string) => authorQuestions.find((item) => item.question.type === type)!

  it('keys options by their original index and escapes their text', () => {
    const view = questionView({ ...byType('single'), question: { ...byType('single').question, options: ['<b>a</b>', 'b'] } })
    expect(view.options).toEqual([
      { key: '0', html: '&#60;b&#62;a&#60;/b&#62;' },
      { key: '1', html: 'b' },
    ])
    expect(view.stemHtml).toBe(byType('single').stemHtml)
  })

  it('shows matching sides and ordering items out of their answer order, distractors keyed after the pairs', () => {
    const matching = questionView(byType('matching'))
    expect(matching.left).toEqual(['挑榴莲', '看礼盒'])
    expect(matching.right?.map((r) => r.key)).toEqual(['1', '2', '0'])
    expect(matching.right?.find((r) => r.key === '2')?.text).toBe('需要帮忙吗')
    expect(questionView(byType('ordering')).items?.map((i) => i.key)).toEqual(['1', '2', '0'])
  })

  it('counts the blanks', () => {
    expect(questionView(byType('fill_blank')).blankCount).toBe(1)
  })
})
