// The local practice-quiz commands (src-tauri/src/commands/local_quizzes.rs):
// a preview of a GIFT file with one broken item, an import that needs
// `partial`, the list and withdrawing. Used by question-import.spec.ts and
// the axe walk.
import type { Page } from '@playwright/test'

export const BROKEN_GIFT = '/home/teacher/题库/第三章.gift'

export async function installLocalQuizMock(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Args = Record<string, unknown>
    const w = window as unknown as Record<string, unknown>
    const created: Record<string, unknown>[] = []
    const questions = [
      {
        number: 1,
        type: 'single',
        stemHtml: '<p>社群冷启动阶段最先要明确的是？</p>',
        options: [
          { html: '社群定位', correct: true },
          { html: '群规模', correct: false },
          { html: '红包预算', correct: false },
        ],
        correctAnswer: '社群定位',
        points: 1,
      },
      {
        number: 2,
        type: 'true_false',
        stemHtml: '<p>群里发红包总能带来长期活跃。</p>',
        options: [],
        correctAnswer: '错误',
        points: 1,
      },
    ]
    const handlers: Record<string, (args: Args) => unknown> = {
      preview_question_file: (args) => ({
        fileName: String(args.path).replace(/^.*\//, ''),
        format: args.format,
        questions,
        diagnostics: [
          { file: '第三章.gift', line: 7, col: 22, severity: 'error', message: 'the answer block is not closed: add `}`' },
        ],
        errorCount: 1,
      }),
      import_local_quiz: (args) => {
        const request = args.request as Record<string, unknown>
        if (!request.partial) {
          throw {
            kind: 'invalid_input',
            message: '第三章.gift:7:22: the answer block is not closed: add `}`',
            message_zh: '第三章.gift:7:22: 答案块没有闭合：请补上 `}`',
          }
        }
        const quiz = {
          quizId: 'local-1a2b3c4d',
          title: request.title,
          questionCount: 2,
          fileName: '第三章.gift',
          format: request.format,
          importedAt: '2026-12-01T02:30:00.000Z',
          passed: false,
          bestPercent: null,
          inProgress: false,
        }
        created.push(quiz)
        return { quizId: quiz.quizId, questionCount: 2, skippedErrors: 1 }
      },
      local_quizzes: () => created,
      archive_local_quiz: () => {
        created.splice(0, created.length)
        return null
      },
    }
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  })
}
