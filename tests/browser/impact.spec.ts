// The instructor's impact screens against the built UI with the backend
// mocked: study set-up, the import column mapping with its preview, and the
// report view with its ECharts charts. The report the mock serves is a real
// one, written by `cargo test --test impact_report` from a real database.
import { expect, test, type Page } from '@playwright/test'
import { installImpactMock } from './impact-mock'

const SHOTS = 'target/browser-screenshots'

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
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
