// The instructor's impact screens against the built UI with the backend
// mocked: study set-up, the import column mapping with its preview, and the
// report view with its ECharts charts. The report the mock serves is a real
// one, written by `cargo test --test impact_report` from a real database.
import { existsSync, readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { installTauriMock } from './tauri-mock'
import { communityOps } from './fixtures/community-ops'

const SHOTS = 'target/browser-screenshots'
const REPORT_JSON = 'target/impact-report/report.json'

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

async function installImpactMock(page: Page): Promise<void> {
  expect(existsSync(REPORT_JSON), `${REPORT_JSON} is missing: run \`cargo test --test impact_report\` first`).toBe(true)
  const report = JSON.parse(readFileSync(REPORT_JSON, 'utf8'))
  await installTauriMock(page, { courses: [communityOps], picks: ['/data/门店数据.csv'] })
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
          diagnostics: [
            { file: '门店数据.csv', line: 7, col: 4, severity: 'error', message: 'period "下月" is neither before (培训前) nor after (培训后)' },
          ],
        }
      },
      impact_report: () => rep,
    }
    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  }, report)
}

test.beforeEach(async ({ page }) => {
  await installImpactMock(page)
})

test('an admin sets up a study from the course metric templates', async ({ page }) => {
  await page.goto('/#/teach/impact')
  await expect(page.getByRole('heading', { level: 1, name: '培训效果评估' })).toBeVisible()
  await page.getByRole('button', { name: '新建研究' }).click()
  const form = page.getByTestId('study-setup')
  await form.getByLabel('研究名称').fill('华东门店社群运营培训')
  await expect(form.getByRole('checkbox')).toHaveCount(2)
  const dates = form.locator('input[type="date"]')
  for (const [i, d] of ['2026-01-05', '2026-02-01', '2026-03-02', '2026-03-29'].entries()) await dates.nth(i).fill(d)
  await form.getByLabel('训练组（每行一个）').fill('训练01店\n训练02店')
  await form.getByLabel('培训项目成本（元）').fill('48000')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/study-setup.png`, fullPage: true })
  await form.getByRole('button', { name: '保存研究' }).click()
  await expect(page).toHaveURL(/#\/teach\/impact\/.+/)
  const calls = (await page.evaluate(() => (window as unknown as { __IMPACT_CALLS__: { cmd: string; args: { input: Record<string, unknown> } }[] }).__IMPACT_CALLS__))
  const input = calls.find((c) => c.cmd === 'impact_create_study')!.args.input
  expect(input.treatment).toEqual(['训练01店', '训练02店'])
  expect(input.programmeCost).toBe(48000)
  expect((input.metrics as unknown[]).length).toBe(2)
})

test('the import shows the guessed mapping, a preview and every bad row', async ({ page }) => {
  await page.goto('/#/teach/impact/s1')
  await page.getByRole('button', { name: '选择 CSV 或 Excel 文件' }).click()
  await expect(page.locator('select[data-field="period"]')).toHaveValue('3')
  await expect(page.locator('table.preview tbody tr')).toHaveCount(4)
  await expect(page.getByText('预览：门店数据.csv 的前 4 行，共 88 行')).toBeVisible()
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/import-mapping.png`, fullPage: true })
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('门店数据.csv 第 7 行第 4 列')
})

test('the report view shows the conclusions and draws the charts', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/#/teach/impact/s1')
  await page.getByRole('tab', { name: '效果报告' }).click()
  await expect(page.locator('.conclusions li[data-level="business"]').first()).toContainText('训练组的活跃率平均提升')
  const charts = page.locator('[data-chart]')
  await expect(charts).toHaveCount(6)
  for (let i = 0; i < 6; i += 1) await expect(charts.nth(i).locator('svg path').first()).toBeAttached()
  expect(errors).toEqual([])
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/impact-report-view.png`, fullPage: true })
})
