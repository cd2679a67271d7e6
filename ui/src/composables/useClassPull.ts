// Reading a course's class back from the LRS (`class_pull`), per course and
// for the whole session: the statements read so far while it runs, what
// the last successful pull did, and the last failure, which stays until a
// pull succeeds. Kept outside the screen, so leaving the class view and
// coming back still shows a pull under way or the last error.
import { computed, reactive } from 'vue'
import { pullClass, type PullSummary } from '../api/classes'
import { toAppError } from '../api/errors'

export interface ClassPullState {
  running: boolean
  /** Statements read so far by the pull under way. */
  read: number
  /** What the last successful pull did. */
  last: PullSummary | null
  /** Why the last pull failed; cleared by the next success only. */
  failure: string | null
  /** Successful pulls so far: the screen reloads its list when this grows. */
  succeeded: number
}

const IDLE: Readonly<ClassPullState> = Object.freeze({ running: false, read: 0, last: null, failure: null, succeeded: 0 })
const pulls = reactive(new Map<string, ClassPullState>())

function stateOf(courseId: string): ClassPullState {
  let state = pulls.get(courseId)
  if (!state) {
    pulls.set(courseId, { ...IDLE })
    state = pulls.get(courseId)!
  }
  return state
}

export function useClassPull(courseId: () => string) {
  const state = computed<Readonly<ClassPullState>>(() => pulls.get(courseId()) ?? IDLE)

  async function pull(): Promise<void> {
    const course = courseId()
    if (!course) return
    const current = stateOf(course)
    if (current.running) return
    current.running = true
    current.read = 0
    try {
      current.last = await pullClass(course, (read) => {
        current.read = read
      })
      current.failure = null
      current.succeeded += 1
    } catch (reason) {
      current.failure = toAppError(reason).message
    } finally {
      current.running = false
    }
  }

  return { state, pull }
}

/** For tests: forget every course's pulls. */
export function forgetClassPulls(): void {
  pulls.clear()
}
