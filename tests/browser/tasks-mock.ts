// The practice-task half of the mock backend (plugs into tauri-mock.ts
// through window.__QUNXUE_EXTRA_HANDLERS__). One task with its rubric, a
// learner who drafts and submits, an instructor who marks and releases:
// it scores with Moodle's rubric formula like the Rust backend and keeps
// its state in sessionStorage, so moving between the learner's page and the
// grading view keeps what was saved. Preview HTML is escaped text, never
// the learner's raw markup.
import type { Page } from '@playwright/test'
import type { TaskView } from '../../ui/src/api/tasks'
import { installQueuePager } from './queue-page-mock'

export interface TasksMockOptions {
  task: TaskView
  learnerName: string
  instructorName: string
}

export async function installTasksMock(page: Page, options: TasksMockOptions): Promise<void> {
  await installQueuePager(page)
  // Serialised into the page: nothing from this file's scope may be used.
  await page.addInitScript((opts: TasksMockOptions) => {
    type Args = Record<string, unknown>
    type Levels = Record<string, number>
    interface Version {
      id: string
      number: number
      markdown: string
      submittedAt: string
    }
    interface State {
      draft: { markdown: string; attachments: unknown[]; savedAt: string } | null
      versions: Version[]
      marks: Record<string, { levels: Levels; comments: Record<string, string>; feedback: string; complete: boolean }>
      results: Record<string, unknown>
      bank: { id: string; course_id: string; criterion_id: string | null; text: string; uses: number }[]
    }
    const STORE = '__qunxue_tasks_mock__'
    const queuePage = (window as unknown as Record<string, (rows: unknown[], filter: unknown) => unknown>)
      .__QUNXUE_QUEUE_PAGE__
    const load = (): State =>
      JSON.parse(sessionStorage.getItem(STORE) ?? 'null') ?? {
        draft: null,
        versions: [],
        marks: {},
        results: {},
        bank: [{ id: 'c1', course_id: opts.task.courseId, criterion_id: null, text: '结构清楚，下一步把活动时间写具体。', uses: 5 }],
      }
    const save = (state: State) => sessionStorage.setItem(STORE, JSON.stringify(state))
    const now = () => new Date().toISOString()
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    const html = (markdown: string) =>
      markdown
        .split(/\n{2,}/)
        .map((p) => `<p>${escape(p).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>`)
        .join('')
    const view = (v: Version) => ({
      id: v.id,
      learnerId: 'p-learner',
      taskId: opts.task.id,
      number: v.number,
      source: 'submission',
      markdown: v.markdown,
      html: html(v.markdown),
      attachments: [],
      submittedAt: v.submittedAt,
    })
    function score(levels: Levels) {
      let points = 0
      let min = 0
      let max = 0
      for (const c of opts.task.rubric.criterion) {
        const level = c.level[levels[c.id]]
        if (!level) return null
        const all = c.level.map((l) => l.points)
        points += level.points
        min += Math.min(...all)
        max += Math.max(...all)
      }
      return { points, grade: ((points - min) / (max - min)) * opts.task.gradeMax }
    }

    const handlers: Record<string, (args: Args) => unknown> = {
      module_tasks: (a) =>
        a.moduleId === opts.task.module ? [{ id: opts.task.id, title: opts.task.title, submitted: load().versions.length, graded: false }] : [],
      task_page: () => {
        const s = load()
        return {
          task: opts.task,
          draft: s.draft,
          versions: s.versions.map((v) => ({ ...view(v), result: s.results[v.id] ?? null })),
          canSubmit: true,
        }
      },
      task_preview: (a) => html(String(a.markdown)),
      task_save_draft: (a) => {
        const s = load()
        s.draft = { markdown: String(a.markdown), attachments: (a.attachments as unknown[]) ?? [], savedAt: now() }
        save(s)
        return s.draft
      },
      task_submit: () => {
        const s = load()
        if (!s.draft || !s.draft.markdown.trim()) {
          throw {
            kind: 'invalid_input',
            message: 'the submission is empty: there is neither an answer nor an attachment',
            message_zh: '作答和附件都是空的，无法提交',
          }
        }
        const v = { id: `v-${s.versions.length + 1}`, number: s.versions.length + 1, markdown: s.draft.markdown, submittedAt: now() }
        s.versions.push(v)
        s.draft = null
        save(s)
        return view(v)
      },
      // The instructor's queue: every submitted version, its status from the marks and results so far.
      grading_queue: (a) => {
        const s = load()
        const rows = s.versions.map((v) => {
          const mark = s.marks[v.id]
          return {
            versionId: v.id,
            taskId: opts.task.id,
            taskTitle: opts.task.title,
            learnerId: 'p-learner',
            learnerName: opts.learnerName,
            number: v.number,
            source: 'submission',
            submittedAt: v.submittedAt,
            status: s.results[v.id] ? 'released' : mark?.complete ? 'marked' : 'ungraded',
            myMark: mark ? (mark.complete ? 'complete' : 'draft') : null,
            doubleMarked: false,
          }
        })
        return queuePage(rows, a.filter)
      },
      grading_view: (a) => {
        const s = load()
        const v = s.versions.find((x) => x.id === a.versionId)
        if (!v) {
          throw { kind: 'not_found', message: `submission ${String(a.versionId)} not found`, message_zh: `找不到作业提交 ${String(a.versionId)}` }
        }
        const mark = s.marks[v.id]
        return {
          task: opts.task,
          version: view(v),
          learnerName: opts.learnerName,
          myMark: mark ? { markerId: 'p-teacher', markerName: opts.instructorName, ...mark, points: null, grade: null, status: 'draft', updatedAt: now() } : null,
          doubleMarked: false,
          status: s.results[v.id] ? 'released' : 'ungraded',
        }
      },
      grading_save_mark: (a) => {
        const s = load()
        const mark = a.mark as State['marks'][string]
        const scored = score(mark.levels)
        if (mark.complete && !scored) {
          const missing = opts.task.rubric.criterion.filter((c) => !c.level[mark.levels[c.id]]).map((c) => c.title)
          throw {
            kind: 'invalid_input',
            message: `every criterion needs a level; still without one: ${missing.join(', ')}`,
            message_zh: `还有评分项没有选档：${missing.join('、')}`,
          }
        }
        s.marks[String(a.versionId)] = mark
        save(s)
        return { markerId: 'p-teacher', markerName: opts.instructorName, ...mark, points: scored?.points ?? null, grade: scored?.grade ?? null, status: mark.complete ? 'complete' : 'draft', updatedAt: now() }
      },
      grading_release: (a) => {
        const s = load()
        const id = String(a.versionId)
        const mark = s.marks[id]
        const scored = mark && score(mark.levels)
        if (!mark || !scored) {
          throw {
            kind: 'invalid_input',
            message: 'complete your mark first (a level for every criterion), then release it',
            message_zh: '请先完成评分（每个评分项都选档）再发布',
          }
        }
        s.results[id] = {
          versionId: id,
          levels: mark.levels,
          comments: mark.comments,
          feedback: mark.feedback,
          points: scored.points,
          grade: scored.grade,
          gradeMax: opts.task.gradeMax,
          method: 'single',
          releasedBy: opts.instructorName,
          releasedAt: now(),
        }
        save(s)
        return s.results[id]
      },
      comment_bank_list: () => load().bank,
      comment_bank_use: (a) => {
        const s = load()
        const c = s.bank.find((x) => x.id === a.commentId)
        if (!c) {
          throw { kind: 'not_found', message: `comment ${String(a.commentId)} not found`, message_zh: `找不到评语 ${String(a.commentId)}` }
        }
        c.uses += 1
        save(s)
        return c
      },
      comment_bank_add: (a) => {
        const s = load()
        const c = { id: `c${s.bank.length + 1}`, course_id: opts.task.courseId, criterion_id: (a.criterionId as string | null) ?? null, text: String(a.text), uses: 0 }
        s.bank.push(c)
        save(s)
        return c
      },
    }
    const w = window as unknown as Record<string, unknown>
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  }, options)
}
