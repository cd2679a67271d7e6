// The author preview's state: the snapshot of the open folder, replaced by
// each one the backend sends after a save (`qunxue://author-changed`, heard
// while the screen is mounted), what is selected (kept across snapshots by
// id, see lib/author.ts) and when the last snapshot came. When a save
// re-renders the module (or quiz) being read, the page stays where it was.
import { nextTick, onBeforeUnmount, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { closeAuthor, onAuthorChanged, onAuthorFailed, openAuthorFolder, type AuthorSnapshot } from '../api/author'
import { toAppError, type AppError } from '../api/errors'
import { pickPackFolder } from '../api/packs'
import { reselect, sameSelection, type AuthorSelection } from '../lib/author'

export function useAuthorPreview() {
  const snapshot = shallowRef<AuthorSnapshot | null>(null)
  const error = shallowRef<AppError | null>(null)
  const loading = ref(false)
  /** When the shown snapshot arrived (this computer's clock). */
  const receivedAt = shallowRef<Date | null>(null)
  const selection = shallowRef<AuthorSelection | null>(null)
  /** Why the last save could not be shown (the folder moved or went); the last good render stays. */
  const stale = shallowRef<string | null>(null)
  /** The folder asked for last: a late answer or event for another one is ignored. */
  let folder: string | null = null

  async function show(next: AuthorSnapshot): Promise<void> {
    const before = selection.value
    const top = document.scrollingElement?.scrollTop ?? 0
    snapshot.value = next
    stale.value = null
    receivedAt.value = new Date()
    selection.value = reselect(next, before)
    // The new HTML replaced the old in place; put the page back if that moved it.
    if (sameSelection(before, selection.value)) {
      await nextTick()
      if (document.scrollingElement && document.scrollingElement.scrollTop !== top) document.scrollingElement.scrollTop = top
    }
  }

  async function open(path: string): Promise<void> {
    folder = path
    loading.value = true
    error.value = null
    try {
      const opened = await openAuthorFolder(path)
      if (folder === path) await show(opened)
    } catch (reason) {
      if (folder === path) {
        snapshot.value = null
        error.value = toAppError(reason)
      }
    } finally {
      if (folder === path) loading.value = false
    }
  }

  /** Stops watching and forgets the folder. */
  async function close(): Promise<void> {
    folder = null
    snapshot.value = null
    selection.value = null
    try {
      await closeAuthor()
    } catch (reason) {
      // Nothing to show for it: the watch ends with the app anyway.
      console.error('could not stop watching the author folder', reason)
    }
  }

  function receive(next: AuthorSnapshot): void {
    const current = snapshot.value
    if (!current || next.folder !== current.folder || next.revision <= current.revision) return
    void show(next)
  }

  // Listening starts at once; if the screen goes before it is set up, it stops as soon as it is.
  const unlisteners: (() => void)[] = []
  let gone = false
  const keep = (stop: () => void) => (gone ? stop() : unlisteners.push(stop))
  onAuthorChanged(receive).then(keep, (reason) => console.error('could not listen for author changes', reason))
  onAuthorFailed((reason) => {
    if (snapshot.value) stale.value = reason
  }).then(keep, (reason) => console.error('could not listen for author failures', reason))
  onBeforeUnmount(() => {
    gone = true
    unlisteners.forEach((stop) => stop())
  })

  function select(next: AuthorSelection): void {
    selection.value = next
  }

  return { snapshot, error, stale, loading, receivedAt, selection, open, close, select }
}

/**
 * 打开文件夹…, from the preview or the library: the folder dialog, then the
 * preview of the folder chosen. `failure` says why the dialog could not open.
 */
export function useOpenAuthorFolder() {
  const { t } = useI18n()
  const router = useRouter()
  const failure = ref('')

  /** Resolves to the folder chosen (null when cancelled), once the preview of it is the current route. */
  async function pickAndOpen(): Promise<string | null> {
    failure.value = ''
    try {
      const folder = await pickPackFolder({ title: t('author.openFolderTitle') })
      if (folder) await router.push({ name: 'author', query: { folder } })
      return folder
    } catch (reason) {
      failure.value = t('author.pickFailed', { message: toAppError(reason).message })
      return null
    }
  }

  return { failure, pickAndOpen }
}
