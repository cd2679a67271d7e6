// Sends the first navigation to the recovery screen when the backend found the
// database damaged at start-up (it then runs on an empty in-memory database).
// Asked once per page load: recovering reloads the page.
import type { NavigationGuard } from 'vue-router'
import { recoveryStatus } from '../api/backup'

let damaged: Promise<boolean> | null = null

export const recoveryGuard: NavigationGuard = async (to) => {
  if (to.name === 'recovery') return true
  // An older backend without the command counts as healthy.
  damaged ??= recoveryStatus().then(
    (damage) => damage !== null,
    () => false,
  )
  return (await damaged) ? { name: 'recovery' } : true
}
