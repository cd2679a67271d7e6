// The grading queue's paging as the Rust backend does it
// (crates/app/src/tasks/queue.rs), for the mocks that serve `grading_queue`:
// filter by task and learner, count per status, filter by status, then cut
// the page. Installed as a page global because mock handlers are serialised
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
    type Filter = { taskId?: string | null; status?: string | null; learnerId?: string | null; offset?: number; limit?: number }
    ;(window as unknown as Record<string, unknown>).__QUNXUE_QUEUE_PAGE__ = (rows: Row[], filter: Filter = {}) => {
      const scoped = rows.filter(
        (r) => (!filter.taskId || r.taskId === filter.taskId) && (!filter.learnerId || r.learnerId === filter.learnerId),
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
