// The exported HTML effect report, opened from disk in Chromium the way an
// admin opens it from a USB stick: offline, no console errors, every chart
// drawn. The file is written by the Rust test `tests/impact_report.rs`
// (`cargo test --test impact_report`), which renders a real study.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from '@playwright/test'

const REPORT = resolve('target/impact-report/impact-report.html')
const SHOTS = 'target/browser-screenshots'

test('the HTML report opens offline without errors and draws its charts', async ({ page }) => {
  expect(existsSync(REPORT), `${REPORT} is missing: run \`cargo test --test impact_report\` first`).toBe(true)
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  // Any request leaving the file would mean the report is not self-contained.
  const requests: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url())
  })

  await page.goto(pathToFileURL(REPORT).href)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('培训效果评估报告')
  await expect(page.locator('html')).toHaveAttribute('data-charts-ready', /^[1-9]\d*$/)

  const charts = page.locator('[data-chart]')
  const count = await charts.count()
  expect(count).toBeGreaterThanOrEqual(6)
  for (let i = 0; i < count; i += 1) {
    // The SVG renderer draws paths for bars, lines and whiskers.
    await expect(charts.nth(i).locator('svg path').first()).toBeAttached()
  }
  // The conclusion appears under 主要结论 and again under 业务影响.
  await expect(page.getByText(/训练组的活跃率平均提升/).first()).toBeVisible()
  expect(problems).toEqual([])
  expect(requests).toEqual([])

  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: `${SHOTS}/impact-report.png`, fullPage: true })
})
