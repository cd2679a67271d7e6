// Loading / error / data state for one backend request, so every screen
// handles the three states the same way and never shows a raw exception.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { AppError, toAppError } from '../api/errors'

export interface Loader<T> {
  data: ShallowRef<T | null>
  error: ShallowRef<AppError | null>
  loading: Ref<boolean>
  reload: () => Promise<void>
}

export function useLoader<T>(load: () => Promise<T>): Loader<T> {
  const data = shallowRef<T | null>(null)
  const error = shallowRef<AppError | null>(null)
  const loading = ref(true)

  async function reload(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      data.value = await load()
    } catch (reason) {
      error.value = toAppError(reason)
    } finally {
      loading.value = false
    }
  }

  void reload()
  return { data, error, loading, reload }
}
