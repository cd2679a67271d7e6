// The impact half of the mock backend (plugs into tauri-mock.ts through
// window.__QUNXUE_EXTRA_HANDLERS__): study set-up from the metric templates,
// an import preview whose run fails on one bad row, and the report. The report
// it serves is a real one, written by `cargo test --test impact_report` from a
// real database.
import { existsSync, readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'
import { installTauriMock } from './tauri-mock'
import { communityOps } from './fixtures/community-ops'
import type { ClassView } from '../../ui/src/api/classes'
import type { EffectReport } from '../../ui/src/api/impact'

const REPORT_JSON = 'target/impact-report/report.json'

export async function installImpactMock(page: Page): Promise<void> {
  expect(existsSync(REPORT_JSON), `${REPORT_JSON} is missing: run \`cargo test --test impact_report\` first`).toBe(true)
  const report = JSON.parse(readFileSync(REPORT_JSON, 'utf8'))
  // Two classes of the study's course, for narrowing the report's learner-level figures.
  const classes: ClassView[] = [
    { id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId: report.study.courseId, name: '华东一期' },
    { id: 'ZX9P4R2T', joinCode: 'ZX9P-4R2T', courseId: report.study.courseId, name: '华东二期' },
  ]
  await installTauriMock(page, { courses: [communityOps], picks: ['/data/门店数据.csv'], classes })
  await page.addInitScript((rep: { study: Record<string, unknown> }) => {
    const w = window as unknown as Record<string, unknown>
    const calls: { cmd: string; args: unknown }[] = []
    w.__IMPACT_CALLS__ = calls
    const study = { ...rep.study, observationCount: 0 }
    const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
      impact_list_studies: () => [],
      impact_metric_templates: () => (rep.study.metrics as unknown[]),
      impact_get_study: () => study,
      impact_create_study: (args) => {
        calls.push({ cmd: 'impact_create_study', args })
        return study
      },
      impact_preview_import: () => ({
        file: '门店数据.csv',
        headers: ['门店', '组别', '指标', '阶段', '数值'],
        suggested: { learner: 0, group: 1, metric: 2, period: 3, value: 4 },
        rows: [
          { line: 2, cells: ['训练01店', '训练组', '活跃率', '培训前', '15.0'] },
          { line: 3, cells: ['训练01店', '训练组', '活跃率', '培训后', '19.6'] },
          { line: 4, cells: ['对照01店', '对照组', '活跃率', '培训前', '15.5'] },
          { line: 5, cells: ['对照01店', '对照组', '活跃率', '培训后', '14.8'] },
        ],
        totalRows: 88,
      }),
      impact_import: (args) => {
        calls.push({ cmd: 'impact_import', args })
        throw {
          kind: 'invalid_input',
          message: '门店数据.csv:7:4: period "下月" is neither before (培训前) nor after (培训后)',
          message_zh: '门店数据.csv:7:4: 时期 "下月" 既不是培训前（before）也不是培训后（after）',
          diagnostics: [
            {
              file: '门店数据.csv',
              line: 7,
              col: 4,
              severity: 'error',
              message: 'period "下月" is neither before (培训前) nor after (培训后)',
              message_zh: '时期 "下月" 既不是培训前（before）也不是培训后（after）',
            },
          ],
        }
      },
      // The real report, said to be narrowed to the classes asked for (`EffectReport.classes`).
      impact_report: (args) => {
        calls.push({ cmd: 'impact_report', args })
        const narrowed: EffectReport['classes'] = (args.classes as string[] | undefined) ?? []
        return { ...rep, classes: narrowed }
      },
    }
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  }, report)
}
