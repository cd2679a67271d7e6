// The grading queue's paging as the Rust backend does it
// (crates/app/src/tasks/queue.rs), for the mocks that serve `grading_queue`:
// filter by task, learner and class (members from tauri-mock.ts's
// `classMembers`), count per status, filter by status, then cut the page. Installed as a page global because mock handlers are serialised
// into the page and cannot import anything.
import type { Page } from '@playwright/test'

export interface MockQueueRow {
  versionId: string
  taskId: string
  taskTitle: string
  learnerId: string
  status: string
  doubleMarked: boolean
}

export async function installQueuePager(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Row = { taskId: string; taskTitle: string; learnerId: string; status: string; doubleMarked: boolean }
    type Filter = {
      taskId?: string | null
      status?: string | null
      learnerId?: string | null
      classes?: string[]
      offset?: number
      limit?: number
    }
    const w = window as unknown as Record<string, unknown>
    w.__QUNXUE_QUEUE_PAGE__ = (rows: Row[], filter: Filter = {}) => {
      // Never null: the backend's filter has a list here (empty = every class).
      if (filter.classes !== undefined && !Array.isArray(filter.classes)) {
        throw { kind: 'invalid_input', message: 'filter.classes must be a list', message_zh: 'filter.classes 必须是列表' }
      }
      const members = (w.__QUNXUE_CLASS_MEMBERS__ ?? {}) as Record<string, string[]>
      const inClasses = (learnerId: string) =>
        !filter.classes?.length || filter.classes.some((c) => (members[c] ?? []).includes(learnerId))
      const scoped = rows.filter(
        (r) =>
          (!filter.taskId || r.taskId === filter.taskId) &&
          (!filter.learnerId || r.learnerId === filter.learnerId) &&
          inClasses(r.learnerId),
      )
      const statusCounts: Record<string, number> = {}
      for (const r of scoped) statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1
      const matching = scoped.filter((r) => !filter.status || r.status === filter.status)
      const offset = filter.offset ?? 0
      const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500)
      const tasks = new Map<string, { id: string; title: string; doubleMarked: boolean; versions: number }>()
      for (const r of rows) {
        const task = tasks.get(r.taskId) ?? { id: r.taskId, title: r.taskTitle, doubleMarked: r.doubleMarked, versions: 0 }
        task.versions += 1
        tasks.set(r.taskId, task)
      }
      return { rows: matching.slice(offset, offset + limit), total: matching.length, offset, limit, statusCounts, tasks: [...tasks.values()] }
    }
  })
}
