// An instructor's or admin's session locks itself after an idle time (the
// backend decides and refuses with `locked`). Any refused command raises
// this flag; the shell then asks for the PIN once, over whatever screen is open.
import { ref } from 'vue'

const locked = ref(false)

/** Called by the IPC client when a command was refused for a locked session. */
export function sessionLocked(): void {
  locked.value = true
}

export function useSessionLock() {
  return {
    locked,
    unlocked: () => {
      locked.value = false
    },
  }
}
