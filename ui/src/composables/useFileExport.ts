// Writing a table to a file the person picks: the save dialog filtered to
// the format, the backend command, then a toast with the outcome (and
// 在文件夹中显示) or an error line. Every "export CSV / Excel" on the teaching
// screens uses it.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { save } from '@tauri-apps/plugin-dialog'
import { toAppError } from '../api/errors'
import { useSavedToast } from './useSavedToast'

export type ExportFormat = 'csv' | 'xlsx'

export function useFileExport() {
  const { t } = useI18n()
  const { savedToast } = useSavedToast()
  const busy = ref(false)
  const problem = ref<string | null>(null)

  /** `write` gets the chosen path and returns the toast's text; nothing happens when the dialog is cancelled. */
  async function exportFile(format: ExportFormat, fileStem: string, write: (path: string) => Promise<string>): Promise<void> {
    problem.value = null
    const path = await save({
      defaultPath: `${fileStem}.${format}`,
      filters: [{ name: format.toUpperCase(), extensions: [format] }],
    })
    if (!path) return
    busy.value = true
    try {
      savedToast(await write(path), path)
    } catch (reason) {
      problem.value = t('common.exportFailed', { message: toAppError(reason).message })
    } finally {
      busy.value = false
    }
  }

  return { busy, problem, exportFile }
}
