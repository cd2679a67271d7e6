// Keeps the window title in step with the screen, e.g. "社群运营实战 · 群学".
import { watchEffect, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

export function useDocumentTitle(page: Ref<string | null | undefined>): void {
  const { t } = useI18n()
  watchEffect(() => {
    document.title = page.value ? t('app.documentTitle', { page: page.value }) : t('app.name')
  })
}
