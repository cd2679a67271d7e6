//! The toast after something is written to disk (an export, a report, a backup,
// a certificate): its message and a 在文件夹中显示 button that opens the
// system's file manager with the saved file selected.
import { useI18n } from 'vue-i18n'
import { revealItemInDir } from '@tauri-apps/plugin-opener'
import { toAppError } from '../api/errors'
import { showToast, TOAST_MS } from './useToast'

export function useSavedToast() {
  const { t } = useI18n()

  async function reveal(path: string): Promise<void> {
    try {
      await revealItemInDir(path)
    } catch (reason) {
      showToast(t('common.revealFailed', { message: toAppError(reason).message, path }), 'info')
    }
  }

  /** Shows `message` with the button that reveals `path`. */
  function savedToast(message: string, path: string): number {
    return showToast(message, 'success', TOAST_MS, { label: t('common.showInFolder'), run: () => void reveal(path) })
  }

  return { savedToast, reveal }
}
