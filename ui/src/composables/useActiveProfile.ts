// Who is using the app, shared by the header and the profile screens. The
// backend decides (switch_profile); this only mirrors its answer.
import { computed, shallowRef } from 'vue'
import { listProfiles, type ProfileList, type ProfileView } from '../api/profiles'

const list = shallowRef<ProfileList | null>(null)
let loading: Promise<void> | null = null

/** Loads the profile list (once, unless `force`). */
export function refreshProfiles(force = false): Promise<void> {
  if (loading && !force) return loading
  loading = listProfiles()
    .then((loaded) => {
      list.value = loaded
    })
    .catch((reason) => {
      loading = null
      throw reason
    })
  return loading
}

/** Marks `profile` active after the backend switched to it. */
export function profileSwitched(profile: ProfileView): void {
  if (!list.value) return
  list.value = {
    ...list.value,
    profiles: list.value.profiles.map((p) => ({ ...(p.id === profile.id ? profile : p), active: p.id === profile.id })),
  }
}

export function useActiveProfile() {
  return {
    list,
    active: computed<ProfileView | null>(() => list.value?.profiles.find((p) => p.active) ?? null),
  }
}
