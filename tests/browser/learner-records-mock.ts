// The learner-records half of the mock backend (plugs into tauri-mock.ts
// through window.__QUNXUE_EXTRA_HANDLERS__): profiles with PINs and the
// backend's wrong-PIN lock, search over the fixture modules' text with
// marked segments, notes, study heartbeats and the home summary. It follows
// the command contract of src-tauri/src/commands/{accounts,search,notes,study}.rs.
import type { Page } from '@playwright/test'
import type { FixtureCourse } from './fixtures/community-ops'

export interface MockProfile {
  id: string
  displayName: string
  role: 'learner' | 'instructor' | 'admin'
  avatarColour: string
  lastUsedAt: string
  /** Instructors and admins only. */
  pin?: string
}

export interface LearnerMockOptions {
  profiles: MockProfile[]
  activeId: string
  courses: FixtureCourse[]
  dueReviews?: number
}

export async function installLearnerMock(page: Page, options: LearnerMockOptions): Promise<void> {
  // Serialised into the page: nothing from this file's scope may be used.
  await page.addInitScript((opts: LearnerMockOptions) => {
    type Args = Record<string, unknown>
    const w = window as unknown as Record<string, unknown>
    const profiles = structuredClone(opts.profiles)
    let activeId = opts.activeId
    const failures: Record<string, { count: number; lockedUntil: number }> = {}
    const notes: Record<string, unknown>[] = []
    const fail = (kind: string, message: string, message_zh: string) => ({ kind, message, message_zh })

    const view = (p: (typeof profiles)[number]) => ({
      id: p.id,
      displayName: p.displayName,
      role: p.role,
      avatarColour: p.avatarColour,
      createdAt: p.lastUsedAt,
      lastUsedAt: p.lastUsedAt,
      needsPin: p.role !== 'learner',
      active: p.id === activeId,
    })
    const list = () => ({
      profiles: [...profiles].sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt)).map(view),
      needsFirstAdmin: !profiles.some((p) => p.role === 'admin'),
      learnerPinsRequired: false,
    })

    // The same words the backend's jieba would give for these tests' queries.
    const terms = (query: string) =>
      query
        .toLowerCase()
        .split(/[\s，。！？、,.!?]+/)
        .filter(Boolean)
    const plain = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
    function mark(text: string, words: string[]) {
      const segments: { text: string; hit: boolean }[] = []
      let rest = text
      while (rest) {
        const found = words
          .map((word) => ({ word, at: rest.toLowerCase().indexOf(word) }))
          .filter((f) => f.at >= 0)
          .sort((a, b) => a.at - b.at)[0]
        if (!found) {
          segments.push({ text: rest, hit: false })
          break
        }
        if (found.at > 0) segments.push({ text: rest.slice(0, found.at), hit: false })
        segments.push({ text: rest.slice(found.at, found.at + found.word.length), hit: true })
        rest = rest.slice(found.at + found.word.length)
      }
      return segments
    }

    const handlers: Record<string, (args: Args) => unknown> = {
      list_profiles: () => list(),
      create_profile: (args) => {
        const input = args.profile as { displayName: string; avatarColour: string | null }
        const name = input.displayName.trim()
        if (!name) throw fail('invalid_input', 'the profile name cannot be empty', '档案名称不能为空')
        const created = { id: `p${profiles.length + 1}`, displayName: name, role: 'learner' as const, avatarColour: input.avatarColour ?? '#2f6f5e', lastUsedAt: new Date().toISOString() }
        profiles.push(created)
        return view(created)
      },
      switch_profile: (args) => {
        const target = profiles.find((p) => p.id === args.profileId)
        if (!target) throw fail('not_found', `profile ${args.profileId} not found`, `找不到档案 ${args.profileId}`)
        if (target.role !== 'learner') {
          const state = (failures[target.id] ??= { count: 0, lockedUntil: 0 })
          if (state.lockedUntil > Date.now()) return { status: 'locked', retryAfterSeconds: Math.ceil((state.lockedUntil - Date.now()) / 1000) }
          if (!args.pin) return { status: 'pin_required' }
          if (args.pin !== target.pin) {
            state.count += 1
            if (state.count >= 5) {
              state.count = 0
              state.lockedUntil = Date.now() + 30_000
              return { status: 'locked', retryAfterSeconds: 30 }
            }
            return { status: 'wrong_pin', triesLeft: 5 - state.count }
          }
          state.count = 0
        }
        activeId = target.id
        target.lastUsedAt = new Date().toISOString()
        return { status: 'switched', profile: view(target) }
      },
      search: (args) => {
        const query = String(args.query ?? '').trim()
        const words = terms(query)
        const hits = []
        for (const course of opts.courses) {
          for (const module of course.modules) {
            const text = plain(module.html)
            const haystack = `${module.title} ${text}`.toLowerCase()
            if (!words.length || !words.every((w) => haystack.includes(w))) continue
            const first = Math.max(0, Math.min(...words.map((w) => text.toLowerCase().indexOf(w)).filter((i) => i >= 0)) - 20)
            const passage = text.slice(first, first + 90)
            hits.push({
              kind: 'module',
              courseId: course.id,
              courseTitle: course.title,
              moduleId: module.id,
              anchor: null,
              refId: null,
              title: mark(module.title, words),
              heading: [],
              snippet: { segments: mark(passage, words), cutBefore: first > 0, cutAfter: first + 90 < text.length },
              titleHit: words.some((w) => module.title.toLowerCase().includes(w)),
            })
          }
        }
        hits.sort((a, b) => Number(b.titleHit) - Number(a.titleHit))
        return { query, terms: words, partial: false, hits: hits.map(({ titleHit: _, ...hit }) => hit) }
      },
      home_summary: () => {
        const course = opts.courses[0]
        const done = course.modules.filter((m) => m.status === 'completed')
        const opened = course.modules.filter((m) => m.lastOpenedAt).sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''))
        const next = course.modules.find((m) => m.status !== 'completed')
        return {
          continueAt: opened[0]
            ? { courseId: course.id, courseTitle: course.title, moduleId: opened[0].id, moduleTitle: opened[0].title, lastOpenedAt: opened[0].lastOpenedAt, anchor: null }
            : null,
          nextStep: next ? { courseId: course.id, moduleId: next.id, moduleTitle: next.title } : null,
          dueReviews: opts.dueReviews ?? 0,
          courses: opts.courses.map((c) => {
            const completed = c.modules.filter((m) => m.status === 'completed').length
            return { courseId: c.id, title: c.title, completed, total: c.modules.length, percent: Math.floor((completed * 100) / c.modules.length), activeSeconds: 2_710 }
          }),
          _done: done.length,
        }
      },
      module_notes: (args) => ({ notes: notes.filter((n) => n.moduleId === args.moduleId), bookmarked: false }),
      add_note: (args) => {
        const input = args.note as Record<string, unknown>
        const note = { ...input, id: `n${notes.length + 1}`, moduleTitle: '', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }
        notes.push(note)
        return note
      },
      set_bookmark: (args) => args.on,
      // The save dialog answers with a path, which the backend may then write.
      'plugin:dialog|save': (args) => {
        const options = (args.options ?? {}) as { defaultPath?: string }
        return `/home/learner/${options.defaultPath ?? 'export'}`
      },
      export_learner_record: () => null,
      export_notes: () => null,
      study_heartbeat: () => ({ creditedSeconds: 0, moduleSeconds: 0 }),
      reading_position: () => null,
      save_reading_position: () => null,
    }
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  }, options)
}
