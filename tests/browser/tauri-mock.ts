// A stand-in for the Rust backend, installed into the page before the app's
// own scripts run (page.addInitScript). It answers the command contract from
// fixture data and keeps progress in memory, so opening and completing
// modules behave as they will in the desktop app.
import type { Page } from '@playwright/test'
import type { FixtureCourse } from './fixtures/community-ops'

export interface MockOptions {
  courses: FixtureCourse[]
  /** Make every call to this command reject with `{ kind, message }`. */
  failing?: { command: string; kind: string; message: string }
}

export async function installTauriMock(page: Page, options: MockOptions): Promise<void> {
  // This function is serialised into the page: it must not use anything
  // from this file's scope.
  await page.addInitScript((opts: MockOptions) => {
    const courses = structuredClone(opts.courses)
    const calls: { cmd: string; args: unknown }[] = []

    function findCourse(courseId: string) {
      const course = courses.find((c) => c.id === courseId)
      if (!course) throw { kind: 'not_found', message: `course ${courseId} not found` }
      return course
    }

    function findModule(courseId: string, moduleId: string) {
      const course = findCourse(courseId)
      const index = course.modules.findIndex((m) => m.id === moduleId)
      if (index < 0) throw { kind: 'not_found', message: `module ${moduleId} not found` }
      return { course, module: course.modules[index], index }
    }

    function summary(course: (typeof courses)[number]) {
      return {
        id: course.id,
        title: course.title,
        version: course.version,
        language: course.language,
        description: course.description,
        organisation: course.organisation,
        primaryColour: course.primaryColour,
        moduleCount: course.modules.length,
        startedCount: course.modules.filter((m) => m.status !== 'not_started').length,
        completedCount: course.modules.filter((m) => m.status === 'completed').length,
      }
    }

    function entry(module: (typeof courses)[number]['modules'][number], index: number) {
      const { id, title, kind, minutes, status, lastOpenedAt } = module
      return { id, title, kind, minutes, position: index + 1, status, lastOpenedAt }
    }

    const handlers: Record<string, (args: Record<string, string>) => unknown> = {
      app_info: () => ({ version: '0.1.0', dataDir: '/home/learner/.local/share/qunxue', dbPath: '/home/learner/.local/share/qunxue/qunxue.db' }),
      ui_ready: () => null,
      list_courses: () => courses.map(summary),
      course_outline: ({ courseId }) => {
        const course = findCourse(courseId)
        const entries = course.modules.map(entry)
        return {
          course: summary(course),
          sections: (['theory', 'practice', 'case'] as const).map((kind) => ({
            kind,
            modules: entries.filter((e) => e.kind === kind),
          })),
        }
      },
      open_module: ({ courseId, moduleId }) => {
        const { course, module, index } = findModule(courseId, moduleId)
        if (module.status !== 'completed') module.status = 'in_progress'
        module.lastOpenedAt = new Date().toISOString()
        return {
          id: module.id,
          courseId: course.id,
          title: module.title,
          kind: module.kind,
          minutes: module.minutes,
          objectives: module.objectives,
          html: module.html,
          status: module.status,
          previousId: course.modules[index - 1]?.id ?? null,
          nextId: course.modules[index + 1]?.id ?? null,
        }
      },
      complete_module: ({ courseId, moduleId }) => {
        const { module, index } = findModule(courseId, moduleId)
        module.status = 'completed'
        return entry(module, index)
      },
    }

    async function invoke(cmd: string, args: Record<string, string> = {}) {
      calls.push({ cmd, args })
      if (opts.failing?.command === cmd) {
        throw { kind: opts.failing.kind, message: opts.failing.message }
      }
      const handler = handlers[cmd]
      if (!handler) throw `command ${cmd} not found`
      return handler(args)
    }

    const w = window as unknown as Record<string, unknown>
    w.__TAURI_INTERNALS__ = {
      invoke,
      transformCallback: () => 0,
      unregisterCallback: () => {},
      metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
    }
    // Lets tests check which commands the UI sent.
    w.__QUNXUE_CALLS__ = calls
  }, options)
}

export async function commandsSent(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as { __QUNXUE_CALLS__: { cmd: string }[] }).__QUNXUE_CALLS__ ?? []).map((c) => c.cmd),
  )
}
