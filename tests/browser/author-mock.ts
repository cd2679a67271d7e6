// The author half of the mock backend (plugs into tauri-mock.ts through
// window.__QUNXUE_EXTRA_HANDLERS__, after installTauriMock): pack folders the
// preview can open, the folder the app was launched with (`--author DIR`),
// and Word/PowerPoint conversions that first refuse to overwrite files the
// author edited, as the contract says (/tmp/contract/author-api.md). A save
// in the watched folder is played with emitAuthorChanged.
import type { Page } from '@playwright/test'
import type { AuthorSnapshot, ConvertReport } from '../../ui/src/api/author'
import { emitEvent } from './tauri-mock'

/** AUTHOR_CHANGED_EVENT of ui/src/api/author.ts (not imported: that module needs the app around it). */
const AUTHOR_CHANGED = 'qunxue://author-changed'

export interface AuthorMockOptions {
  /** What author_open answers, by folder; any other folder is not a pack folder. */
  folders: Record<string, AuthorSnapshot>
  /** The folder of `qunxue-desktop --author DIR`; none by default. */
  startFolder?: string | null
  /**
   * convert_office's answers by output folder: `blocked` while overwrite is
   * off (files the author edited, nothing written), else `done`.
   */
  conversions?: Record<string, { blocked?: ConvertReport; done: ConvertReport }>
  /** A computer nobody has set up yet: no profile, and who uses it not chosen (the first-run dialog's case). */
  newMachine?: boolean
}

export async function installAuthorMock(page: Page, options: AuthorMockOptions): Promise<void> {
  // Serialised into the page: nothing from this file's scope may be used.
  await page.addInitScript((opts: AuthorMockOptions) => {
    type Args = Record<string, unknown>
    const w = window as unknown as Record<string, unknown>
    /** The folder being watched, for tests to read. */
    const state = { watching: null as string | null }
    w.__QUNXUE_AUTHOR__ = state

    const handlers: Record<string, (args: Args) => unknown> = {
      author_open: ({ folder }) => {
        const snapshot = opts.folders[String(folder)]
        if (!snapshot) {
          throw {
            kind: 'invalid_input',
            message: `${String(folder)}: not a pack folder (no courses/<slug>/course.toml below it)`,
            message_zh: `${String(folder)}：不是课程包文件夹（其中没有 courses/<slug>/course.toml）`,
          }
        }
        state.watching = String(folder)
        return snapshot
      },
      author_close: () => {
        state.watching = null
        return null
      },
      author_start_folder: () => opts.startFolder ?? null,
      convert_office: ({ out, overwrite }) => {
        const conversion = opts.conversions?.[String(out)]
        if (!conversion) {
          throw { kind: 'io', message: `${String(out)}: permission denied`, message_zh: `${String(out)}：读写失败（permission denied）` }
        }
        return !overwrite && conversion.blocked ? conversion.blocked : conversion.done
      },
    }
    if (opts.newMachine) {
      handlers.machine_setup = () => ({ machineUse: null, learnerPinsRequired: false, hasAdmin: false, unconfirmedAdmins: 0 })
      handlers.list_profiles = () => ({ profiles: [], needsFirstAdmin: false, learnerPinsRequired: false })
    }
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  }, options)
}

/** Plays a save in the watched folder: the backend sends the re-rendered pack. */
export async function emitAuthorChanged(page: Page, snapshot: AuthorSnapshot): Promise<void> {
  await emitEvent(page, AUTHOR_CHANGED, snapshot)
}

/** The folder the mock backend is watching, null when none. */
export async function watchedFolder(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as { __QUNXUE_AUTHOR__: { watching: string | null } }).__QUNXUE_AUTHOR__.watching)
}
