// A stand-in for the Rust backend, installed into the page before the app's
// own scripts run (page.addInitScript). It answers the command contract from
// fixture data and keeps progress in memory, so opening and completing
// modules, importing packs and removing courses behave as they will in the
// desktop app. It also plays the dialog plugin (`plugin:dialog|open`),
// Tauri's callback registry, which carries an import's progress Channel, the
// event plugin (emitEvent below plays the backend sending drag-and-drop and
// open-path events) and the webview's zoom.
import type { Page } from '@playwright/test'
import type { FixtureCourse } from './fixtures/community-ops'
import type { FixturePack } from './fixtures/packs'
import type { ClassExport, ClassList, ClassMember, ClassView, PullSummary } from '../../ui/src/api/classes'
import type { CriterionAgreement, CriterionDistribution, GraderStats } from '../../ui/src/api/gradingAnalytics'
import type { ItemAnalysis, PendingAnswer } from '../../ui/src/api/marking'
import type { Bookmark } from '../../ui/src/api/notes'

export interface MockOptions {
  courses: FixtureCourse[]
  /** Make every call to this command reject with `{ kind, message, message_zh }`. */
  failing?: { command: string; kind: string; message: string; message_zh: string }
  /** Packs the backend can read, by path. */
  packs?: Record<string, FixturePack>
  /** What the file dialog returns, one answer per opening (null = cancelled). */
  picks?: (string | null)[]
  /** Classes the instructor's machine already has (the class view's filter). */
  classes?: ClassView[]
  /**
   * Profile ids in each class (by class id): what the class filters of the
   * marking queues narrow to (`marking_queue` here, `grading_queue` in
   * queue-page-mock.ts). A class missing here has no members.
   */
  classMembers?: Record<string, string[]>
}

export async function installTauriMock(page: Page, options: MockOptions): Promise<void> {
  // This function is serialised into the page: it must not use anything
  // from this file's scope.
  await page.addInitScript((opts: MockOptions) => {
    // As in the desktop app (tauri.conf.json `freezePrototype: true`): code
    // that only works with a writable Object.prototype fails here too.
    Object.freeze(Object.prototype)
    const courses = structuredClone(opts.courses)
    const packs = structuredClone(opts.packs ?? {})
    const picks = [...(opts.picks ?? [])]
    /** Paths the user chose in the file dialog: the only ones the backend reads. */
    const picked = new Set<string>()
    const calls: { cmd: string; args: unknown }[] = []
    const backups: { file_name: string; path: string; reason: string; created_at: string; size: number }[] = [
      {
        file_name: 'qunxue-20261201T080000.000Z-daily.db',
        path: '/home/learner/.local/share/qunxue/backups/qunxue-20261201T080000.000Z-daily.db',
        reason: 'daily',
        created_at: '2026-12-01T08:00:00.000Z',
        size: 184_320,
      },
    ]
    const w = window as unknown as Record<string, unknown>

    // Tauri's callback registry: Channel ids come from transformCallback and
    // the backend sends each message as { index, message }, then { index, end }.
    const callbacks = new Map<number, (payload: unknown) => void>()
    let nextCallback = 1
    function transformCallback(callback?: (payload: unknown) => void, once = false): number {
      const id = nextCallback++
      callbacks.set(id, (payload) => {
        if (once) callbacks.delete(id)
        callback?.(payload)
      })
      return id
    }

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    // A release that comes before the import reaches its hold lets it through when it gets there.
    let releaseImport: (() => void) | null = null
    let releasedEarly = false
    w.__QUNXUE_RELEASE_IMPORT__ = () => (releaseImport ? releaseImport() : (releasedEarly = true))

    function compareVersions(a: string, b: string): number {
      const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)]
      for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0)
      return 0
    }

    function readablePack(path: string) {
      if (!picked.has(path)) {
        throw { kind: 'forbidden', message: `${path} was not chosen in the file dialog`, message_zh: `${path} 不是在文件对话框中选择的` }
      }
      const pack = packs[path]
      if (!pack) throw { kind: 'not_found', message: `${path}: no such file or directory`, message_zh: `${path}：没有这个文件或文件夹` }
      return pack
    }

    function findCourse(courseId: string) {
      const course = courses.find((c) => c.id === courseId)
      if (!course) throw { kind: 'not_found', message: `course ${courseId} not found`, message_zh: `找不到课程 ${courseId}` }
      return course
    }

    const classes: { id: string; joinCode: string; courseId: unknown; name: unknown }[] = structuredClone(opts.classes ?? [])
    const membersOfClass: Record<string, string[]> = structuredClone(opts.classMembers ?? {})
    w.__QUNXUE_CLASS_MEMBERS__ = membersOfClass
    /** As the backend narrows: no classes = everyone, else members of any of them. */
    const inClasses = (profileId: string, chosen: unknown) =>
      !Array.isArray(chosen) || chosen.length === 0 || chosen.some((c) => (membersOfClass[String(c)] ?? []).includes(profileId))
    // Short answers waiting for a mark (`marking_queue`), with whose they are.
    const pendingAnswers: (PendingAnswer & { learnerId: string })[] = [
      {
        learnerId: 'p1',
        attemptId: 'a-1',
        questionId: 'q-short',
        courseId: opts.courses[0]?.id ?? '',
        quizId: 'quiz-m01',
        quizTitle: '第一课小测',
        learnerName: '王小丽',
        stemHtml: '<p>用一句话说明社群和普通微信群的区别。</p>',
        referenceHtml: '<p>社群有共同的目标和持续的互动规则。</p>',
        answerText: '社群有共同目标，大家会按群规持续互动。',
        maxScore: 5,
        savedAt: '2026-11-20T08:00:00Z',
      },
      {
        learnerId: 'p3',
        attemptId: 'a-2',
        questionId: 'q-short',
        courseId: opts.courses[0]?.id ?? '',
        quizId: 'quiz-m01',
        quizTitle: '第一课小测',
        learnerName: '李明',
        stemHtml: '<p>用一句话说明社群和普通微信群的区别。</p>',
        referenceHtml: '<p>社群有共同的目标和持续的互动规则。</p>',
        answerText: '',
        maxScore: 5,
        savedAt: '2026-11-21T08:00:00Z',
      },
    ]
    // The class list (`class_members`): one learner of every kind the view
    // tells apart — finished, behind with marking pending, known only by id.
    const classMembers: ClassMember[] = [
      {
        id: 'p1',
        name: '王小丽',
        class: '华东一期',
        sources: ['local'],
        modulesDone: 5,
        preScore: 40,
        postScore: 82.5,
        gain: 0.71,
        quizzesPassed: 3,
        quizzesTotal: 3,
        taskScore: 88,
        pendingMarks: 0,
        completed: true,
        sentNothing: false,
        stalled: false,
        lastActivity: '2026-11-20T08:00:00Z',
      },
      {
        id: 'p3',
        name: '李明',
        class: '华东一期',
        sources: ['bundle', 'lrs'],
        modulesDone: 2,
        preScore: 55,
        postScore: null,
        gain: null,
        quizzesPassed: 1,
        quizzesTotal: 3,
        taskScore: null,
        pendingMarks: 2,
        completed: false,
        sentNothing: false,
        stalled: true,
        lastActivity: '2026-11-01T08:00:00Z',
      },
      {
        id: '0193f2a4-7c1e-7d4b-9a3f-2b6d8e1c5a70',
        name: '0193f2a4-7c1e-7d4b-9a3f-2b6d8e1c5a70',
        class: '华东一期',
        sources: ['lrs'],
        modulesDone: 0,
        preScore: null,
        postScore: null,
        gain: null,
        quizzesPassed: 0,
        quizzesTotal: 3,
        taskScore: null,
        pendingMarks: 0,
        completed: false,
        sentNothing: true,
        stalled: false,
        lastActivity: null,
      },
    ]

    // The mock holds one learner's records: a course they started counts them.
    function removalOf(course: ReturnType<typeof findCourse>) {
      const started = course.modules.some((m) => m.status !== 'not_started')
      return { courseId: course.id, title: course.title, peopleWithRecords: started ? 1 : 0 }
    }

    function findModule(courseId: string, moduleId: string) {
      const course = findCourse(courseId)
      const index = course.modules.findIndex((m) => m.id === moduleId)
      if (index < 0) {
        throw {
          kind: 'not_found',
          message: `module ${moduleId} of course ${courseId} not found`,
          message_zh: `找不到课程 ${courseId} 的单元 ${moduleId}`,
        }
      }
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
        logoUrl: course.logoUrl,
        installedAt: course.installedAt,
        updatedAt: course.updatedAt,
        moduleCount: course.modules.length,
        startedCount: course.modules.filter((m) => m.status !== 'not_started').length,
        completedCount: course.modules.filter((m) => m.status === 'completed').length,
        glossaryTerms: 0,
      }
    }

    function entry(module: (typeof courses)[number]['modules'][number], index: number) {
      const { id, title, kind, minutes, status, lastOpenedAt } = module
      return { id, title, kind, minutes, position: index + 1, status, lastOpenedAt }
    }

    // The event plugin: who listens to which event (the handler is a transformCallback id).
    const listeners = new Map<number, { event: string; handler: number }>()
    let nextEventId = 1
    w.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: (_event: string, eventId: number) => listeners.delete(eventId) }
    /** Plays the backend emitting `event`, as emitEvent() asks. */
    w.__QUNXUE_EMIT__ = (event: string, payload: { paths?: string[]; path?: string }) => {
      // The real app lets the backend read what the person dropped (tauri-plugin-fs
      // adds it to the fs scope) or opened with the app (the shell adds it).
      for (const path of [...(payload.paths ?? []), ...(payload.path ? [payload.path] : [])]) picked.add(path)
      for (const [eventId, listener] of listeners) {
        if (listener.event === event) callbacks.get(listener.handler)?.({ event, id: eventId, payload })
      }
    }

    type Args = Record<string, unknown> & { courseId: string; moduleId: string }
    const handlers: Record<string, (args: Args) => unknown> = {
      prepare_search: () => null,
      app_info: () => ({ version: '0.1.0', dataDir: '/home/learner/.local/share/qunxue', dbPath: '/home/learner/.local/share/qunxue/qunxue.db' }),
      ui_ready: () => null,
      // Tests put background problems on window.__qunxueHealth to see the banner.
      app_health: () => ({ problems: (window as unknown as { __qunxueHealth?: unknown[] }).__qunxueHealth ?? [] }),
      log_folder: () => '/home/learner/.local/share/org.qunxue.desktop/logs',
      export_logs: () => 2,
      debug_panic: () => {
        throw { kind: 'internal', message: 'a background task failed: debug_panic', message_zh: '后台任务失败：debug_panic' }
      },
      // A healthy database: no recovery screen.
      recovery_status: () => null,
      // Settings → xAPI: an LRS is set, a few statements wait to be sent; the password is never returned.
      xapi_settings: () => ({
        endpoint: 'https://lrs.example.com/xAPI',
        username: 'qunxue-desktops',
        passwordSet: true,
        passwordKeptIn: 'keyring',
        iriBase: 'https://learn.example.com/xapi',
        marksArriveBy: 'bundle',
      }),
      xapi_status: () => ({
        configured: true,
        pending: 7,
        sent: 128,
        lastSuccessAt: '2026-12-01T08:00:00.000Z',
        lastError: null,
        lastErrorAt: null,
      }),
      xapi_sync_now: () => ({ sent: 7, batches: 1, pending: 0, marksApplied: null }),
      // Settings → backups: one automatic backup; "back up now" adds a manual one.
      list_backups: () => ({
        folder: '/home/learner/.local/share/qunxue/backups',
        backups: [...backups].reverse(),
        keepDaily: 7,
        keepWeekly: 4,
        keepRecent: 3,
      }),
      create_backup_now: () => {
        const created_at = new Date().toISOString()
        const file_name = `qunxue-${created_at.replace(/[-:]/g, '')}-manual.db`
        const entry = { file_name, path: `/home/learner/.local/share/qunxue/backups/${file_name}`, reason: 'manual', created_at, size: 196_608 }
        backups.push(entry)
        return entry
      },
      // Certificates need passed quizzes, which this mock does not record.
      certificate_status: ({ courseId }) => ({
        courseId,
        courseTitle: findCourse(courseId).title,
        eligible: false,
        modulesToComplete: [],
        quizzesToPass: [],
        tasksToReach: [],
        surveysToAnswer: [],
        certificate: null,
      }),
      // No quizzes unless quiz-mock.ts installs them.
      module_quizzes: () => [],
      // No imported practice unless a spec installs some.
      local_quizzes: () => [],
      review_queue: () => ({ due: [], dueCount: 0, nextDueAt: null }),
      list_courses: () => courses.map(summary),
      course_glossary: () => [],
      quiz_key_changes: () => [],
      regrade_question: () => ({ questionId: '', changes: [] }),
      save_course_file: () => 0,
      // Not launched with `--author DIR` unless author-mock.ts says so.
      author_start_folder: () => null,
      media_base: () => null,
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
          instructorOnly: false,
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
      'plugin:dialog|open': () => {
        const path = picks.length ? picks.shift()! : null
        if (path) picked.add(path)
        return path
      },
      validate_pack: ({ path }) => readablePack(path as string).validation,
      import_pack: async ({ path, force, onProgress }) => {
        const pack = readablePack(path as string)
        if (!pack.validation.valid || !pack.import) {
          throw { kind: 'invalid_input', message: 'the pack has errors', message_zh: '课程包有错误', diagnostics: pack.validation.diagnostics }
        }
        const plan = pack.import
        const incoming = structuredClone(plan.course)
        const index = courses.findIndex((c) => c.id === incoming.id)
        const current = index >= 0 ? courses[index] : null
        const order = current ? compareVersions(incoming.version, current.version) : 1
        if (current && order < 0 && !force) {
          throw {
            kind: 'invalid_input',
            message: `${incoming.title} (${incoming.id}): version ${current.version} is installed and this pack holds the older ${incoming.version}; force the import to replace it anyway`,
            message_zh: `「${incoming.title}」（${incoming.id}）：已安装版本 ${current.version}，这个包中是更旧的版本 ${incoming.version}；如仍要替换，请强制导入`,
          }
        }

        const channel = callbacks.get((onProgress as { id: number }).id)
        for (const [i, message] of plan.progress.entries()) {
          if (plan.holdAfter === i && !releasedEarly) await new Promise<void>((resolve) => (releaseImport = resolve))
          if (plan.holdAfter === i) [releaseImport, releasedEarly] = [null, false]
          channel?.({ index: i, message })
          await sleep(plan.stepMs ?? 60)
        }
        channel?.({ index: plan.progress.length, end: true })

        const outcome = !current ? 'installed' : order === 0 ? 'unchanged' : 'updated'
        if (current && order !== 0) {
          // Progress is kept for modules both versions share.
          for (const module of incoming.modules) {
            const old = current.modules.find((m) => m.id === module.id)
            if (old) Object.assign(module, { status: old.status, lastOpenedAt: old.lastOpenedAt })
          }
          incoming.installedAt = current.installedAt
          incoming.updatedAt = new Date().toISOString()
          courses[index] = incoming
        } else if (!current) {
          incoming.installedAt = incoming.updatedAt = new Date().toISOString()
          courses.push(incoming)
        }
        return { courseId: incoming.id, title: incoming.title, version: incoming.version, outcome, warnings: plan.warnings ?? [] }
      },
      course_removal: ({ courseId }) => removalOf(findCourse(courseId)),
      admin_log: () => [],
      session_status: () => ({ profileId: 'p1', role: 'learner', locked: false, idleLockMinutes: 10 }),
      machine_setup: () => ({ machineUse: 'personal', learnerPinsRequired: false, hasAdmin: false, unconfirmedAdmins: 0 }),
      // Classes: the codes joined or created in this page's life.
      my_classes: ({ courseId }) => classes.filter((c) => c.courseId === courseId),
      course_classes: ({ courseId }) => classes.filter((c) => c.courseId === courseId),
      class_join: ({ courseId, code }) => {
        const id = String(code).replace(/[-\s]/g, '').toUpperCase()
        if (id.length !== 8) {
          throw {
            kind: 'invalid_input',
            message: `“${code}” is not a class code (8 letters and digits, e.g. HD7K-2Q3M)`,
            message_zh: `「${code}」不是班级代码：班级代码是 8 位字母和数字，例如 HD7K-2Q3M`,
          }
        }
        const joined = { id, joinCode: `${id.slice(0, 4)}-${id.slice(4)}`, courseId, name: '' }
        classes.push(joined)
        return joined
      },
      class_create: ({ courseId, name }) => {
        const made = { id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId, name }
        classes.push(made)
        return made
      },
      class_members: ({ courseId }): ClassList => {
        findCourse(courseId)
        return { members: classMembers }
      },
      class_remove_member: ({ classId, profileId }): null => {
        const index = classMembers.findIndex((m) => m.id === profileId)
        if (index < 0) {
          throw {
            kind: 'not_found',
            message: `${String(profileId)} is not a member of class ${String(classId)}`,
            message_zh: `${String(profileId)} 不在班级 ${String(classId)} 中`,
          }
        }
        classMembers.splice(index, 1)
        return null
      },
      class_export: ({ path }): ClassExport => ({ rows: classMembers.length, path: String(path) }),
      // 从学习记录库同步: three pages of statements, each heard on the progress Channel.
      class_pull: async ({ courseId, onProgress }): Promise<PullSummary> => {
        findCourse(courseId)
        const channel = callbacks.get((onProgress as { id: number }).id)
        const pages = [500, 1000, 1234]
        for (const [index, read] of pages.entries()) {
          channel?.({ index, message: read })
          await sleep(60)
        }
        channel?.({ index: pages.length, end: true })
        return { statements: 1234, members: classMembers.length, added: 380, seconds: 2.46 }
      },
      marking_queue: ({ courseId, classes: chosen }): PendingAnswer[] =>
        pendingAnswers
          .filter((a) => (!courseId || a.courseId === courseId) && inClasses(a.learnerId, chosen))
          .map(({ learnerId: _learner, ...answer }) => answer),
      // Grading analytics of the welcome task (tasks-mock.ts): released levels,
      // two markers' agreement, each marker's figures and the gradebook.
      grading_distributions: (): CriterionDistribution[] => [
        { taskId: 'task-welcome', criterionId: 'purpose', title: '群的用途', labels: ['未达标', '基本达标', '优秀'], counts: [1, 3, 4] },
        { taskId: 'task-welcome', criterionId: 'action', title: '下一步行动', labels: ['未达标', '基本达标', '优秀'], counts: [2, 4, 2] },
      ],
      // The pairs behind each criterion agree with its figures (3 of 4 and 2 of 4 on the same level, all within one).
      grading_agreement: (): CriterionAgreement[] => {
        const learners = ['林小雨', '王小丽', '李明', '张伟']
        const pairs = (levels: [number, number][]) =>
          levels.map(([firstLevel, secondLevel], i) => ({
            versionId: `v-${i + 1}`,
            learnerName: learners[i],
            firstMarker: '李老师',
            secondMarker: '王老师',
            firstLevel,
            secondLevel,
          }))
        return [
          { criterionId: 'purpose', title: '群的用途', pairs: 4, exact_percent: 75, adjacent_percent: 100, kappa_linear: 0.6, kappa_quadratic: 0.71,
            pairsBehind: pairs([[2, 2], [1, 1], [0, 0], [2, 1]]) },
          { criterionId: 'action', title: '下一步行动', pairs: 4, exact_percent: 50, adjacent_percent: 100, kappa_linear: 0.33, kappa_quadratic: 0.5,
            pairsBehind: pairs([[1, 1], [2, 1], [0, 1], [2, 2]]) },
        ]
      },
      grading_grader_stats: (): GraderStats[] => [
        { markerId: 'p2', markerName: '李老师', grades: { n: 8, mean: 71.25, sd: 14.6, min: 40, max: 100 } },
        { markerId: 'p4', markerName: '王老师', grades: { n: 4, mean: 65, sd: 10, min: 50, max: 80 } },
      ],
      grading_export_table: (): number => 8,
      // The learner's bookmarks (home screen): the first module of the first course.
      list_bookmarks: (): Bookmark[] =>
        courses.slice(0, 1).map((course) => ({
          course_id: course.id,
          module_id: course.modules[0].id,
          module_title: course.modules[0].title,
          created_at: '2026-11-18T08:00:00Z',
        })),
      // Item analysis of any quiz: three questions, one hard and one that separates weakly.
      item_analysis: ({ courseId, quizId }): ItemAnalysis => ({
        courseId,
        quizId: String(quizId),
        quizTitle: '第一课小测',
        attempts: 24,
        items: [
          { questionId: 'q1', type: 'single', stem: '社群的核心是什么？', n: 24, facility: 0.71, discrimination: 0.48, options: [
            { key: 'a', text: '共同的目标', correct: true, chosen: 17 },
            { key: 'b', text: '人数', correct: false, chosen: 7 },
          ] },
          { questionId: 'q2', type: 'single', stem: '哪一项不是社群运营的指标？', n: 24, facility: 0.25, discrimination: 0.31, options: [
            { key: 'a', text: '活跃率', correct: false, chosen: 18 },
            { key: 'b', text: '库存周转', correct: true, chosen: 6 },
          ] },
          { questionId: 'q3', type: 'true_false', stem: '群规越多越好。', n: 24, facility: 0.92, discrimination: 0.08, options: [] },
        ],
      }),
      // The webview's zoom (设置 → 文字大小, Ctrl+= …): tests read the calls.
      'plugin:webview|set_webview_zoom': () => null,
      'plugin:opener|reveal_item_in_dir': () => null,
      'plugin:event|listen': ({ event, handler }) => {
        const eventId = nextEventId++
        listeners.set(eventId, { event: String(event), handler: Number(handler) })
        return eventId
      },
      'plugin:event|unlisten': ({ eventId }) => {
        listeners.delete(Number(eventId))
        return null
      },
      remove_course: ({ courseId }) => {
        const removal = removalOf(findCourse(courseId))
        courses.splice(
          courses.findIndex((c) => c.id === courseId),
          1,
        )
        return removal
      },
    }

    async function invoke(cmd: string, args: Args = {} as Args) {
      calls.push({ cmd, args })
      if (opts.failing?.command === cmd) {
        throw { kind: opts.failing.kind, message: opts.failing.message, message_zh: opts.failing.message_zh }
      }
      // Other mocks (quiz-mock.ts) add commands through this registry.
      const extra = w.__QUNXUE_EXTRA_HANDLERS__ as Record<string, (args: Args) => unknown> | undefined
      const handler = extra?.[cmd] ?? handlers[cmd]
      if (!handler) throw `command ${cmd} not found`
      return handler(args)
    }

    // As in the desktop app: @tauri-apps/api's isTauri() is true, so lib/zoom.ts zooms the webview.
    w.isTauri = true
    w.__TAURI_INTERNALS__ = {
      invoke,
      transformCallback,
      unregisterCallback: (id: number) => callbacks.delete(id),
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

/** Arguments of every call to `command` so far. */
export async function argsSent(page: Page, command: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (cmd) =>
      ((window as unknown as { __QUNXUE_CALLS__: { cmd: string; args: Record<string, unknown> }[] }).__QUNXUE_CALLS__ ?? [])
        .filter((c) => c.cmd === cmd)
        // Channels and other class instances do not cross back to Node.
        .map((c) => JSON.parse(JSON.stringify(c.args)) as Record<string, unknown>),
    command,
  )
}

/** Lets an import held by its fixture's `holdAfter` carry on. */
export async function releaseImport(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __QUNXUE_RELEASE_IMPORT__: () => void }).__QUNXUE_RELEASE_IMPORT__())
}

/**
 * Plays the backend emitting a Tauri event to the page: `tauri://drag-enter`,
 * `tauri://drag-drop` (payload `{ paths, position }`), `qunxue://open-path`…
 */
export async function emitEvent(page: Page, event: string, payload: unknown): Promise<void> {
  await page.evaluate(
    ([name, data]) => (window as unknown as { __QUNXUE_EMIT__: (event: string, payload: unknown) => void }).__QUNXUE_EMIT__(name as string, data),
    [event, payload] as const,
  )
}
