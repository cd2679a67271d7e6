// Counted phrases for pack diagnostics: "3 个错误、1 个警告" /
// "3 errors and 1 warning", and "发现 …" / "Found …" around them.
import { useI18n } from 'vue-i18n'
import type { DiagnosticCounts } from '../lib/diagnostics'
import { countKey } from '../i18n'

export function useDiagnosticsText() {
  const { t } = useI18n()

  function countsText(counts: DiagnosticCounts): string {
    const errors = t(countKey('importPack.errorCount', counts.errors), { count: counts.errors })
    const warnings = t(countKey('importPack.warningCount', counts.warnings), { count: counts.warnings })
    if (counts.errors && counts.warnings) return t('importPack.listAnd', { first: errors, second: warnings })
    return counts.errors ? errors : warnings
  }

  function foundText(counts: DiagnosticCounts): string {
    return t('importPack.found', { list: countsText(counts) })
  }

  return { countsText, foundText }
}
