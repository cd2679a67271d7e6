// The satisfaction-survey commands (src-tauri/src/commands/impact.rs:
// survey_forms, submit_survey), backed by sessionStorage so answers survive a
// reload like the database. Used by survey.spec.ts and the axe walk.
import type { Page } from '@playwright/test'

export const survey = {
  id: 'survey-satisfaction',
  title: '课程满意度调查',
  items: [
    { id: 'overall', type: 'likert', scale: 5, prompt: '总体而言，你对本课程满意吗？（1 = 非常不满意，5 = 非常满意）' },
    { id: 'relevance', type: 'likert', scale: 5, prompt: '课程内容与我目前或将要从事的社群运营工作密切相关。' },
    { id: 'suggestion', type: 'text', prompt: '你对课程还有什么建议？' },
  ],
}

/** Survey commands backed by sessionStorage, so answers survive a reload like the database. */
export async function installSurveyMock(page: Page): Promise<void> {
  await page.addInitScript((form: typeof survey) => {
    type Answer = { itemId: string; rating: number | null; text: string | null }
    const KEY = '__qunxue_survey_mock__'
    const w = window as unknown as Record<string, unknown>
    const handlers = {
      survey_forms: ({ courseId }: { courseId: string }) => {
        const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { answers: Answer[]; at: string } | null
        return [{ courseId, ...form, answers: saved?.answers ?? [], submittedAt: saved?.at ?? null }]
      },
      submit_survey: ({ answers }: { answers: Answer[] }) => {
        for (const a of answers) {
          const item = form.items.find((i) => i.id === a.itemId)
          if (!item) {
            throw {
              kind: 'invalid_input',
              message: `item "${a.itemId}" is not in survey ${form.id}`,
              message_zh: `题目 "${a.itemId}" 不在问卷 ${form.id} 中`,
            }
          }
          if (item.type === 'likert' && !(a.rating && a.rating >= 1 && a.rating <= 5)) {
            throw { kind: 'invalid_input', message: `item "${a.itemId}" needs a rating from 1 to 5`, message_zh: `题目 "${a.itemId}" 需要 1 到 5 的评分` }
          }
        }
        const kept = answers.filter((a) => a.rating !== null || (a.text ?? '').trim() !== '')
        sessionStorage.setItem(KEY, JSON.stringify({ answers: kept, at: '2026-03-20T02:30:00Z' }))
        return kept.length
      },
    }
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  }, survey)
}
