// Sends the first navigation to the recovery screen when the backend found the
// database damaged at start-up (it then runs on an empty in-memory database).
// Asked once per page load: recovering reloads the page.
import type { NavigationGuard } from 'vue-router'
import { recoveryStatus } from '../api/backup'

let damaged: Promise<boolean> | null = null

export const recoveryGuard: NavigationGuard = async (to) => {
  // The author preview needs no database (route meta `standalone`).
  if (to.name === 'recovery' || to.meta.standalone) return true
  // An older backend without the command counts as healthy.
  damaged ??= recoveryStatus().then(
    (damage) => damage !== null,
    () => false,
  )
  return (await damaged) ? { name: 'recovery' } : true
}
