// Link clicks inside HTML the backend rendered and sanitised (module text,
// quiz text, task instructions, learner submissions). Every v-html container
// uses this, because a followed link would replace the whole app inside its
// window: the sanitiser lets http(s) links and links to course files (qxasset)
// through, and a pack's SVG opened as a page could run its script there.
//
// So no link in such HTML is ever followed by the webview itself:
// - "#/…" is an in-app route (a module linking to another) and goes through the router;
// - "#…" is an in-page anchor (a footnote) and scrolls within the container;
// - http(s) addresses are shown to the learner, who can open them in a browser:
//   the app is offline and has no permission to open one itself;
// - "#qx-term-…" (a glossary link) opens the course's glossary at the term;
// - a course's PDF opens in the app's own viewer;
// - another course file that is a document (a template, a data set: xlsx,
//   docx, csv…) is saved where the reader chooses, never opened here;
// - anything else (other qxasset files, mailto:, javascript:, data:, file:, relative paths) is refused.
// The shell's navigation guard (src-tauri/src/navigation_guard.rs) refuses the
// same navigations again in case a click ever gets past this.
import { onBeforeUnmount, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { save } from '@tauri-apps/plugin-dialog'
import { showToast } from './useToast'
import { useSavedToast } from './useSavedToast'
import { saveCourseFile } from '../api/courses'
import { toAppError } from '../api/errors'

export type LinkAction =
  | { kind: 'route'; path: string }
  | { kind: 'term'; id: string }
  | { kind: 'download'; assetPath: string; name: string }
  | { kind: 'pdf'; courseId: string; assetPath: string }
  | { kind: 'anchor'; id: string }
  | { kind: 'external'; url: string }
  | { kind: 'refused' }

/** What clicking a link with this `href` attribute does inside the app. */
export function linkAction(href: string): LinkAction {
  // Browsers drop surrounding whitespace (and tabs or newlines anywhere) before
  // reading a scheme, so "\tjava\nscript:" must be judged as they read it.
  const url = href.trim().replace(/[\t\n\r]/g, '')
  if (url.startsWith('#/')) return { kind: 'route', path: url.slice(1) }
  if (url.startsWith(`#${TERM_PREFIX}`)) return { kind: 'term', id: safeDecode(url.slice(TERM_PREFIX.length + 1)) }
  if (url.startsWith('#')) return { kind: 'anchor', id: safeDecode(url.slice(1)) }
  if (/^https?:\/\/[^/\\\s]/i.test(url) && !isLocal(url)) return { kind: 'external', url }
  return courseDocument(url) ?? { kind: 'refused' }
}

/** Files a module may offer for saving: documents, never anything a webview would run. */
const DOCUMENT_TYPES = ['xlsx', 'xls', 'docx', 'doc', 'pptx', 'ppt', 'pdf', 'csv', 'txt', 'zip']

/**
 * A link to a course file through the asset protocol (`qxasset://localhost/…`,
 * or `http://qxasset.localhost/…` on Windows) whose type is a document: the
 * backend serves it by the same rules as the protocol (`/<course>/<path>`).
 */
function courseDocument(url: string): LinkAction | null {
  const match = /^(?:qxasset:\/\/localhost|http:\/\/qxasset\.localhost)(\/[^?#]+)$/i.exec(url)
  if (!match) return null
  const assetPath = safeDecode(match[1])
  const name = assetPath.slice(assetPath.lastIndexOf('/') + 1)
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
  if (extension === 'pdf') return { kind: 'pdf', courseId: assetPath.split('/')[1] ?? '', assetPath }
  return DOCUMENT_TYPES.includes(extension) ? { kind: 'download', assetPath, name } : null
}

/** A glossary link (`[[流失率]]` in a module) points at `#qx-term-<term id>`. */
const TERM_PREFIX = 'qx-term-'

// On Windows the webview reaches the app and its asset protocol as
// http://tauri.localhost and http://qxasset.localhost: such a link is a file
// of the app, not a website, and is refused like the qxasset: form.
function isLocal(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host.endsWith('.localhost')
  } catch {
    return true // not an address a browser could open either
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text // a stray "%" is a literal character in the id
  }
}

/** Handles every link click inside `container` (its own element, whatever its HTML becomes). */
export function useSafeLinks(container: Ref<HTMLElement | null>): void {
  const router = useRouter()
  const { t } = useI18n()
  const { savedToast } = useSavedToast()

  function linkIn(event: MouseEvent): HTMLAnchorElement | null {
    const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
    return anchor && container.value?.contains(anchor) ? anchor : null
  }

  function onClick(event: MouseEvent): void {
    const anchor = linkIn(event)
    if (!anchor) return
    event.preventDefault()
    const action = linkAction(anchor.getAttribute('href') ?? '')
    switch (action.kind) {
      case 'route':
        void router.push(action.path)
        break
      case 'anchor':
        scrollToAnchor(action.id)
        break
      case 'download':
        void saveCourseDocument(action.assetPath, action.name)
        break
      case 'pdf':
        void router.push({ name: 'pdf', params: { courseId: action.courseId }, query: { file: action.assetPath } })
        break
      case 'term': {
        // The course's glossary, at the term; outside a course there is none to open.
        const courseId = router.currentRoute.value.params.courseId
        if (typeof courseId === 'string') void router.push({ name: 'glossary', params: { courseId }, query: { term: action.id } })
        break
      }
      case 'external':
        showToast(t('common.links.external', { url: action.url }), 'info')
        break
      case 'refused':
        showToast(t('common.links.refused'), 'info')
        break
    }
  }

  // A middle click (or a click with a modifier the webview reads as "new
  // window") arrives as auxclick and would open the link elsewhere: refuse it.
  function onAuxClick(event: MouseEvent): void {
    if (linkIn(event)) event.preventDefault()
  }

  async function saveCourseDocument(assetPath: string, name: string): Promise<void> {
    try {
      const path = await save({ defaultPath: name })
      if (!path) return
      await saveCourseFile(assetPath, path)
      savedToast(t('common.links.saved', { path }), path)
    } catch (reason) {
      showToast(toAppError(reason).message, 'info')
    }
  }

  function scrollToAnchor(id: string): void {
    const escaped = id.replace(/["\\]/g, '\\$&')
    const target = container.value?.querySelector<HTMLElement>(`[id="${escaped}"]`)
    if (!target) return
    target.scrollIntoView({ block: 'center' })
    target.classList.add('is-targeted')
    setTimeout(() => target.classList.remove('is-targeted'), 2000)
  }

  watch(
    container,
    (element, previous) => {
      previous?.removeEventListener('click', onClick)
      previous?.removeEventListener('auxclick', onAuxClick)
      element?.addEventListener('click', onClick)
      element?.addEventListener('auxclick', onAuxClick)
    },
    { immediate: true, flush: 'post' },
  )
  onBeforeUnmount(() => {
    container.value?.removeEventListener('click', onClick)
    container.value?.removeEventListener('auxclick', onAuxClick)
  })
}
