// A refused admin-only action on a machine without an admin (or with one an
// older version made) opens the admin set-up over whatever screen is open —
// never a silent "whoever comes first". The backend decides; this only
// remembers which dialog to show.
import { ref } from 'vue'

export type AdminNeed = 'set_up_admin' | 'confirm_admin'

const need = ref<AdminNeed | null>(null)

/** Called by the IPC client when a command was refused for want of an admin. */
export function adminNeeded(kind: AdminNeed): void {
  need.value = kind
}

export function useAdminSetup() {
  return {
    need,
    done: () => {
      need.value = null
    },
  }
}
