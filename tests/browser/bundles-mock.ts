// The bundle, attachment and survey half of the mock backend (plugs into
// tauri-mock.ts through window.__QUNXUE_EXTRA_HANDLERS__, after
// tasks-mock.ts). Bundles are known by path, like files on a USB stick; the
// trust rules follow the Rust backend: the first grades key is pinned
// silently, a bundle from another key is refused with the backend's exact
// wording (kind `conflict`, "（指纹 …）") until that fingerprint is trusted,
// the same bundle twice changes nothing, an altered one is refused. The save
// dialog answers from `saves`, one path per opening.
import type { Page } from '@playwright/test'
import { installQueuePager } from './queue-page-mock'

export interface MockBundle {
  kind: 'submissions' | 'grades'
  bundleId: string
  signerName: string
  fingerprint: string
  added: number
  /** Refused as altered after signing. */
  tampered?: boolean
}

export interface BundlesMockOptions {
  bundles: Record<string, MockBundle>
  saves: (string | null)[]
  /** The grading view of this version lists these attachments. */
  attachments?: { versionId: string; learnerName: string; list: { sha256: string; name: string; size: number; mediaType: string }[] }
  /** sha256 → data: URL the backend would send for an image attachment. */
  images?: Record<string, string>
  /** The instructor's grading queue: one submitted version per row. */
  queue?: { versionId: string; taskId: string; taskTitle: string; learnerName: string }[]
  /** Tasks of the grading queue whose double marking is switched on. */
  doubleMarked?: string[]
}

export async function installBundlesMock(page: Page, options: BundlesMockOptions): Promise<void> {
  await installQueuePager(page)
  // Serialised into the page: nothing from this file's scope may be used.
  await page.addInitScript((opts: BundlesMockOptions) => {
    type Args = Record<string, unknown>
    const trusted = new Set<string>()
    const imported = new Set<string>()
    const saves = [...opts.saves]
    // Kept in sessionStorage like the database: a reload shows what was saved.
    const DOUBLE = '__qunxue_double_marking_mock__'
    const doubleMarked = new Set<string>(JSON.parse(sessionStorage.getItem(DOUBLE) ?? 'null') ?? opts.doubleMarked ?? [])
    const w = window as unknown as Record<string, unknown>
    const extra = (w.__QUNXUE_EXTRA_HANDLERS__ as Record<string, (args: Args) => unknown>) ?? {}

    function bundleAt(path: string, kind: MockBundle['kind']): MockBundle {
      const b = opts.bundles[path]
      if (!b) {
        throw { kind: 'io', message: `cannot read ${path}: No such file or directory`, message_zh: `无法读取 ${path}：No such file or directory` }
      }
      if (b.tampered) {
        throw {
          kind: 'invalid_input',
          message:
            'the signature does not match the manifest: the file was changed after export, or was not signed by the exporter it names',
          message_zh: '作业包签名无效：文件在导出后被改动过，或不是由声明的导出者签名',
        }
      }
      if (b.kind !== kind) {
        const zh = { submissions: '作业提交', grades: '成绩' }
        throw {
          kind: 'invalid_input',
          message: `wrong bundle kind: this is a ${b.kind} bundle, a ${kind} bundle is needed`,
          message_zh: `这是${zh[b.kind]}包，需要的是${zh[kind]}包`,
        }
      }
      return b
    }

    function importBundle(path: string, kind: MockBundle['kind']) {
      const b = bundleAt(path, kind)
      const summary = { bundleId: b.bundleId, courseId: 'community-ops', signerName: b.signerName, skipped: 0 }
      if (imported.has(b.bundleId)) return { ...summary, alreadyImported: true, added: 0 }
      if (trusted.size > 0 && !trusted.has(b.fingerprint)) {
        throw {
          kind: 'conflict',
          message: `the bundle is signed by an untrusted key (fingerprint ${b.fingerprint}); verify it with ${b.signerName} and trust it to import`,
          message_zh: `这个包由「${b.signerName}」签名，但本机尚未信任它的密钥（指纹 ${b.fingerprint}）。请向对方核对指纹，确认无误后选择“信任此密钥”再导入`,
        }
      }
      trusted.add(b.fingerprint)
      imported.add(b.bundleId)
      return { ...summary, alreadyImported: false, added: b.added }
    }

    const handlers: Record<string, (args: Args) => unknown> = {
      'plugin:dialog|save': () => (saves.length ? saves.shift()! : null),
      bundle_export_submissions: () => ({ bundleId: 'out-1', courseId: 'community-ops', sequence: 1, items: 2, attachments: 1 }),
      bundle_export_grades: ({ path }) => ({
        folder: path,
        bundles: [
          { learnerId: 'p-lin', learnerName: '林小雨', path: `${path}/成绩-林小雨-plin.zip`, items: 2 },
          { learnerId: 'p-zhou', learnerName: '周敏', path: `${path}/成绩-周敏-pzhou.zip`, items: 1 },
        ],
      }),
      bundle_import_grades: (a) => importBundle(String(a.path), 'grades'),
      bundle_import_submissions: (a) => importBundle(String(a.path), 'submissions'),
      bundle_trust_key: (a) => {
        const b = bundleAt(String(a.path), a.kind as MockBundle['kind'])
        const typed = String(a.fingerprint).replace(/\s/g, '').toUpperCase()
        if (typed !== b.fingerprint.replace(/\s/g, '')) {
          throw {
            kind: 'invalid_input',
            message: `the confirmed fingerprint ${String(a.fingerprint)} does not match the bundle's key ${b.fingerprint}; nothing was trusted`,
            message_zh: `确认的指纹 ${String(a.fingerprint)} 与包的签名密钥（指纹 ${b.fingerprint}）不一致，未信任任何密钥`,
          }
        }
        trusted.add(b.fingerprint)
        return { courseId: 'community-ops', signerName: b.signerName, fingerprint: b.fingerprint }
      },
      grading_set_double_marking: (a) => {
        if (a.on) doubleMarked.add(String(a.taskId))
        else doubleMarked.delete(String(a.taskId))
        sessionStorage.setItem(DOUBLE, JSON.stringify([...doubleMarked]))
        return null
      },
      task_attachment_image: (a) => {
        const url = opts.images?.[String(a.sha256)]
        const item = opts.attachments?.list.find((x) => x.sha256 === a.sha256)
        if (!url) {
          const [name, mediaType] = [item?.name ?? '', item?.mediaType ?? '']
          throw {
            kind: 'invalid_input',
            message: `“${name}” (${mediaType}) cannot be shown inline; save a copy and open it in another program`,
            message_zh: `「${name}」不是图片，无法直接显示，请另存后用其他程序打开`,
          }
        }
        return { name: item?.name ?? '', mediaType: item?.mediaType ?? '', dataUrl: url }
      },
      task_attachment_save: (a) => opts.attachments?.list.find((x) => x.sha256 === a.sha256)?.size ?? 0,
    }

    // Each row carries its task's saved double-marking switch, as the backend's do.
    const queuePage = (window as unknown as Record<string, (rows: unknown[], filter: unknown) => unknown>)
      .__QUNXUE_QUEUE_PAGE__
    handlers.grading_queue = (a) =>
      queuePage((opts.queue ?? []).map((row) => ({
        ...row,
        learnerId: 'p-learner',
        number: 1,
        source: 'submission',
        submittedAt: '2026-03-01T01:00:00.000Z',
        status: 'ungraded',
        myMark: null,
        doubleMarked: doubleMarked.has(row.taskId),
      })), a.filter)
    handlers.list_profiles = () => ({
      profiles: [
        { id: 'p-learner', displayName: '林小雨', role: 'learner', avatarColour: '#2f6f5e', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: '2026-03-01T00:00:00Z', needsPin: false, active: false },
        { id: 'p-teacher', displayName: '王老师', role: 'instructor', avatarColour: '#8a4b2f', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: '2026-03-01T00:00:00Z', needsPin: true, active: true },
      ],
      needsFirstAdmin: false, learnerPinsRequired: false,
    })
    const view = extra.grading_view
    if (view && opts.attachments) {
      const att = opts.attachments
      handlers.grading_view = (a) => {
        const v = view(a) as { version: Record<string, unknown>; learnerName: string }
        return a.versionId === att.versionId ? { ...v, learnerName: att.learnerName, version: { ...v.version, attachments: att.list } } : v
      }
    }
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...extra, ...handlers }
  }, options)
}
