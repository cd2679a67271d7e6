// Listens for the quiz shortcuts (lib/quiz/keys.ts) on the whole document
// while a quiz screen is shown, and stays quiet while a dialog is open.
import { onBeforeUnmount, onMounted } from 'vue'
import { quizKeyAction, type QuizKeyAction } from '../lib/quiz/keys'
import { openDialogs } from '../lib/focus'

export function useQuizKeys(handle: (action: QuizKeyAction) => boolean | void): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || openDialogs.length > 0) return
    const action = quizKeyAction(event)
    // The handler returns false when the key does nothing here (for example
    // "5" on a question with four options); the browser then keeps it.
    if (action && handle(action) !== false) event.preventDefault()
  }
  onMounted(() => document.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => document.removeEventListener('keydown', onKeydown))
}
