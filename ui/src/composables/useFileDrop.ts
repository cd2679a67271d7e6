//! Files that come from outside the window: dragged onto it (Tauri's
// drag-and-drop events) or opened with the app (`qunxue://open-path`, sent by
// the shell for a file association or a second launch with a file). Screens
// that import files declare it with useDropTarget(); App.vue runs useFileDrop()
// once, which shows the drop overlay while something a target takes is over the
// window, hands the dropped path to that target (asking which one when two take
// it), and routes an opened path to the screen that imports it. A screen
// without a target ignores drops.
import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { isTauri } from '@tauri-apps/api/core'
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { getCurrentWebview } from '@tauri-apps/api/webview'
import { isBundlePath, isPackPath } from '../lib/droppedPaths'
import { useActiveProfile } from './useActiveProfile'
import { showToast } from './useToast'

export interface DropTarget {
  /** What the overlay and the chooser call it: "导入课程包". */
  label: () => string
  accepts: (path: string) => boolean
  receive: (path: string) => void
}

/** The event the shell sends for a file opened with the app. */
export const OPEN_PATH_EVENT = 'qunxue://open-path'

const targets = shallowRef<DropTarget[]>([])
/** Two or more targets take the dropped path: the person picks one. */
const choice = shallowRef<{ path: string; targets: DropTarget[] } | null>(null)
/** A path opened with the app, waiting (a little while) for the screen it was sent to. */
let pending: { path: string; until: number } | null = null
const PENDING_MS = 15_000

/** Gives `path` to the target that takes it, or asks; false when no target on this screen takes it. */
function deliver(path: string): boolean {
  const taking = targets.value.filter((target) => target.accepts(path))
  if (taking.length === 0) return false
  if (taking.length === 1) taking[0].receive(path)
  else choice.value = { path, targets: taking }
  return true
}

/** The screen's targets have all registered by the next microtask; a waiting path goes to them then. */
function deliverPending(): void {
  if (pending && Date.now() > pending.until) pending = null
  if (pending && deliver(pending.path)) pending = null
}

/** Declares that this screen (or panel) imports dropped or opened files while it is mounted. */
export function useDropTarget(target: DropTarget): void {
  onMounted(() => {
    targets.value = [...targets.value, target]
    if (pending) void Promise.resolve().then(deliverPending)
  })
  onBeforeUnmount(() => {
    targets.value = targets.value.filter((other) => other !== target)
  })
}

export function useFileDrop() {
  const { t } = useI18n()
  const router = useRouter()
  const { active } = useActiveProfile()
  /** The first dragged path a target takes, while it is over the window. */
  const dragged = shallowRef<string | null>(null)
  const overlay = computed(() => {
    const path = dragged.value
    return path ? targets.value.filter((target) => target.accepts(path)).map((target) => target.label()) : []
  })

  const firstTaken = (paths: string[]) => paths.find((path) => targets.value.some((target) => target.accepts(path))) ?? null

  /**
   * Where an opened file goes when the screen in front takes none: a pack to
   * the library, a bundle to the teaching workbench (which imports submissions
   * and learner records). A plain .zip, either one, goes where this profile can
   * use it: an admin's (or, before any profile exists, the machine's) to the
   * library, an instructor's to the workbench; a learner imports grades bundles
   * on a task's own screen, so they are told where.
   */
  function screenFor(path: string): 'library' | 'grading-queue' | null {
    const role = active.value?.role ?? null
    const pack = isPackPath(path)
    const bundle = isBundlePath(path)
    if (pack && (!bundle || role === 'admin' || role === null)) return 'library'
    if (bundle && (role === 'instructor' || role === 'admin')) return 'grading-queue'
    return null
  }

  async function open(path: string): Promise<void> {
    if (deliver(path)) return
    const screen = screenFor(path)
    if (!screen) {
      showToast(t('common.fileDrop.nowhere', { path }), 'info')
      return
    }
    pending = { path, until: Date.now() + PENDING_MS }
    await router.push({ name: screen })
    deliverPending()
  }

  function choose(target: DropTarget | null): void {
    const asked = choice.value
    choice.value = null
    if (asked && target) target.receive(asked.path)
  }

  const unlisten: UnlistenFn[] = []
  onMounted(async () => {
    if (!isTauri()) return
    try {
      unlisten.push(
        await getCurrentWebview().onDragDropEvent(({ payload }) => {
          if (payload.type === 'enter') dragged.value = firstTaken(payload.paths)
          else if (payload.type === 'leave') dragged.value = null
          else if (payload.type === 'drop') {
            dragged.value = null
            const path = firstTaken(payload.paths)
            if (path) deliver(path)
          }
        }),
        await listen<{ path: string }>(OPEN_PATH_EVENT, ({ payload }) => void open(payload.path)),
      )
    } catch (reason) {
      console.error('could not listen for dropped or opened files', reason)
    }
  })
  onBeforeUnmount(() => unlisten.forEach((stop) => void stop()))

  return { overlay, choice, choose }
}
