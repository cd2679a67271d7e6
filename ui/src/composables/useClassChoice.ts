// The classes an instructor narrowed a course's marking queues and effect
// report to, remembered per course for this session (not stored): choosing
// a class on one of those screens carries over to the others until the app
// closes. Empty means every class.
import { computed, shallowReactive, type WritableComputedRef } from 'vue'

const NONE: readonly string[] = Object.freeze([])
// Shallow: the arrays stay plain, so they reach the backend as they are.
const chosen = shallowReactive(new Map<string, readonly string[]>())

/** The chosen class ids (join codes) of whichever course `courseId` returns. */
export function useClassChoice(courseId: () => string | null | undefined): WritableComputedRef<string[]> {
  return computed<string[]>({
    // The same empty array every time, so a course with no choice never looks like a change.
    get: () => (chosen.get(courseId() ?? '') ?? NONE) as string[],
    set: (classes) => {
      const course = courseId()
      if (!course) return
      if (classes.length === 0) chosen.delete(course)
      else chosen.set(course, Object.freeze([...classes]))
    },
  })
}

/** For tests: forget every choice. */
export function forgetClassChoices(): void {
  chosen.clear()
}
