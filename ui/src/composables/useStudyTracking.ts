// Study tracking on a module screen: heartbeats for active study time and
// the reading position, saved as the learner scrolls and restored when the
// module opens again. The backend credits time from its own clock; this
// only decides when the learner is present (window focused, activity in
// the last two minutes).
import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { readingPosition, saveReadingPosition, studyHeartbeat } from '../api/study'
import { headingAtTop, scrollToHeading } from '../lib/headings'

export const BEAT_MS = 30_000
export const IDLE_AFTER_MS = 120_000
const POSITION_SAVE_DELAY_MS = 1_500

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const

/** Whether a beat should be sent now. */
export function isStudying(focused: boolean, lastActivity: number, now: number): boolean {
  return focused && now - lastActivity < IDLE_AFTER_MS
}

export function useStudyTracking(courseId: string, moduleId: string, body: Ref<HTMLElement | null>) {
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined
  let saveTimer: ReturnType<typeof setTimeout> | undefined
  let restored = false

  const markActive = () => {
    lastActivity = Date.now()
  }

  function beat(): void {
    if (!isStudying(document.hasFocus(), lastActivity, Date.now())) return
    // A lost beat only loses one interval of credit: no retry, no noise.
    studyHeartbeat(courseId, moduleId).catch(() => {})
  }

  function savePosition(): void {
    if (!restored || !body.value) return
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => {
      if (!body.value) return
      const scrollable = document.documentElement.scrollHeight - window.innerHeight
      const ratio = scrollable > 0 ? Math.min(1, Math.max(0, window.scrollY / scrollable)) : 0
      saveReadingPosition(courseId, moduleId, { anchor: headingAtTop(body.value), ratio }).catch(() => {})
    }, POSITION_SAVE_DELAY_MS)
  }

  /** Scrolls to `anchor` (a search hit or "continue") or to where the learner stopped. */
  async function restore(anchor: string | null): Promise<void> {
    try {
      if (anchor && scrollToHeading(anchor)) return
      const position = await readingPosition(courseId, moduleId)
      if (!position) return
      if (position.anchor && scrollToHeading(position.anchor)) return
      const scrollable = document.documentElement.scrollHeight - window.innerHeight
      window.scrollTo({ top: position.ratio * scrollable })
    } catch {
      // Starting at the top is a fine fallback.
    } finally {
      restored = true
    }
  }

  onMounted(() => {
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, markActive, { passive: true })
    window.addEventListener('scroll', savePosition, { passive: true })
    timer = setInterval(beat, BEAT_MS)
  })

  onBeforeUnmount(() => {
    for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, markActive)
    window.removeEventListener('scroll', savePosition)
    clearInterval(timer)
    clearTimeout(saveTimer)
  })

  return { restore, beat }
}
