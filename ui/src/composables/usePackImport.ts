// The import dialog's state machine: choose a pack → validate it → import it
// (with progress) → done, or failed with what to do next. Kept apart from the
// components so each step is one small view over one state.
import { computed, shallowRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { importPack, pickPackFolder, pickPackZip, validatePack } from '../api/packs'
import { toAppError, type AppError } from '../api/errors'
import type { CourseSummary, ImportProgress, ImportResult, PackValidation } from '../api/types'
import { countDiagnostics } from '../lib/diagnostics'
import { isDowngradeRefusal, planCourse, type CoursePlan } from '../lib/packs'
import { rememberPack } from '../lib/recentPacks'

export type PackSourceKind = 'folder' | 'zip'

export interface PackSource {
  kind: PackSourceKind
  path: string
}

export interface CheckedPack {
  source: PackSource
  validation: PackValidation
  plans: CoursePlan[]
}

export type ImportStep =
  | { name: 'choose' }
  | { name: 'validating'; source: PackSource }
  | ({ name: 'validated' } & CheckedPack)
  | ({ name: 'importing'; progress: ImportProgress | null; force: boolean } & CheckedPack)
  | { name: 'done'; source: PackSource; result: ImportResult }
  | {
      name: 'failed'
      source: PackSource | null
      error: AppError
      /** Present when the pack had been checked before it failed. */
      checked: CheckedPack | null
      /** The backend refused an older version; importing again with force is allowed. */
      downgrade: boolean
    }

export function usePackImport(installed: Ref<readonly CourseSummary[]>, onImported?: (result: ImportResult) => void) {
  const { t } = useI18n()
  const step = shallowRef<ImportStep>({ name: 'choose' })

  const busy = computed(() => step.value.name === 'validating' || step.value.name === 'importing')

  /** Import is allowed for a checked pack with courses and no errors. */
  const canImport = computed(() => {
    const current = step.value
    if (current.name !== 'validated') return false
    const { validation } = current
    return validation.valid && validation.courses.length > 0 && countDiagnostics(validation.diagnostics).errors === 0
  })

  async function choose(kind: PackSourceKind): Promise<void> {
    if (busy.value) return
    let path: string | null
    try {
      path =
        kind === 'folder'
          ? await pickPackFolder({ title: t('importPack.chooseFolderTitle') })
          : await pickPackZip({ title: t('importPack.chooseZipTitle'), zipFilter: t('importPack.zipFilter') })
    } catch (reason) {
      step.value = { name: 'failed', source: null, error: toAppError(reason), checked: null, downgrade: false }
      return
    }
    // Cancelled: stay where we were.
    if (!path) return
    await check({ kind, path })
  }

  async function check(source: PackSource): Promise<void> {
    step.value = { name: 'validating', source }
    try {
      const validation = await validatePack(source.path)
      const plans = validation.courses.map((course) => planCourse(course, installed.value))
      step.value = { name: 'validated', source, validation, plans }
    } catch (reason) {
      step.value = { name: 'failed', source, error: toAppError(reason), checked: null, downgrade: false }
    }
  }

  async function start(force = false): Promise<void> {
    const current = step.value
    const checked: CheckedPack | null =
      current.name === 'validated'
        ? { source: current.source, validation: current.validation, plans: current.plans }
        : current.name === 'failed' && current.downgrade
          ? current.checked
          : null
    if (!checked || (current.name === 'validated' && !canImport.value)) return
    if (current.name === 'failed' && !force) return

    step.value = { name: 'importing', ...checked, progress: null, force }
    try {
      const result = await importPack(checked.source.path, {
        force,
        onProgress: (progress) => {
          const now = step.value
          if (now.name === 'importing') step.value = { ...now, progress }
        },
      })
      step.value = { name: 'done', source: checked.source, result }
      rememberPack(checked.source, result.title)
      onImported?.(result)
    } catch (reason) {
      const error = toAppError(reason)
      const downgrade = !force && isDowngradeRefusal(error, checked.plans)
      step.value = { name: 'failed', source: checked.source, error, checked, downgrade }
    }
  }

  /** Checks a pack known by its path (a recent pack, a dropped file) as if it had just been picked. */
  async function checkPath(source: PackSource): Promise<void> {
    if (!busy.value) await check(source)
  }

  /** Checks the same pack again (after the admin fixed it on disk). */
  async function recheck(): Promise<void> {
    const current = step.value
    const source = 'source' in current ? current.source : null
    if (source && !busy.value) await check(source)
  }

  function reset(): void {
    if (!busy.value) step.value = { name: 'choose' }
  }

  return { step, busy, canImport, choose, checkPath, start, recheck, reset }
}
