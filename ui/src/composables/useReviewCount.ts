// How many review cards are due, shared by the header badge and the review
// screen (which lowers it as cards are answered). Failures are silent: the
// badge is a hint, and the review screen reports its own errors.
import { readonly, ref } from 'vue'
import { reviewQueue } from '../api/quizzes'

const dueCount = ref<number | null>(null)
let request = 0

export async function refreshReviewCount(): Promise<void> {
  const mine = ++request
  try {
    const queue = await reviewQueue()
    if (mine === request) dueCount.value = queue.dueCount
  } catch {
    if (mine === request) dueCount.value = null
  }
}

export function setReviewCount(count: number): void {
  request++
  dueCount.value = Math.max(0, count)
}

export function useReviewCount() {
  return { dueCount: readonly(dueCount), refresh: refreshReviewCount, set: setReviewCount }
}
