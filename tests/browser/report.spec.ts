// The exported HTML effect report, opened from disk in Chromium the way an
// admin opens it from a USB stick: offline, no console errors, every chart
// drawn; and names that are markup stay text in its tooltips. The files are
// written by the Rust test `tests/impact_report.rs` (`cargo test --test
// impact_report`), which renders real studies with the real CLI.
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

// A report whose trained store and one learner are named with markup, written
// by the real CLI (`tests/impact_report.rs`, from tests/fixtures/hostile/markup-names.csv).
const MARKUP_REPORT = resolve('target/impact-report/markup-names-report.html')
const MARKUP_NAME = '<img src=x onerror="window.__pwned=1">'

/** The page's ECharts (the inlined UMD build), as much of it as the test uses. */
interface InlinedECharts {
  getInstanceByDom(dom: HTMLElement): {
    getOption(): { series: { name: string; data: number[] }[] }
    convertToPixel(finder: { seriesIndex: number }, value: number[]): number[]
  }
}

test('names that are markup show as text in chart tooltips and never run', async ({ page }) => {
  expect(existsSync(MARKUP_REPORT), `${MARKUP_REPORT} is missing: run \`cargo test --test impact_report\` first`).toBe(true)
  await page.goto(pathToFileURL(MARKUP_REPORT).href)
  await expect(page.locator('html')).toHaveAttribute('data-charts-ready', /^[1-9]\d*$/)

  // The learner's line in the knowledge chart, the store's in a slope chart.
  for (const kind of ['knowledge', 'slope']) {
    const chart = page.locator(`[data-chart="${kind}"]`).first()
    await chart.scrollIntoViewIfNeeded()
    // Where the named line's first point is drawn, so the mouse can hover it.
    const [x, y] = await chart.evaluate((dom, name) => {
      const echarts = (window as unknown as { echarts: InlinedECharts }).echarts
      const instance = echarts.getInstanceByDom(dom as HTMLElement)
      const seriesIndex = instance.getOption().series.findIndex((series) => series.name === name)
      if (seriesIndex < 0) throw new Error(`no line named ${name}`)
      const first = instance.getOption().series[seriesIndex].data[0]
      return instance.convertToPixel({ seriesIndex }, [0, first])
    }, MARKUP_NAME)
    const box = await chart.boundingBox()
    if (!box) throw new Error(`the ${kind} chart is not laid out`)
    await page.mouse.move(box.x + x, box.y + y)

    // The tooltip reads "<name>：<value>" with the name's characters as typed.
    const tooltip = chart.getByText(`${MARKUP_NAME}：`)
    await expect(tooltip, `the ${kind} tooltip`).toBeVisible()
    await expect(tooltip.locator('img')).toHaveCount(0)
    await page.screenshot({ path: `${SHOTS}/impact-report-markup-${kind}-tooltip.png` })
    await page.mouse.move(0, 0)
  }
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()

  // The page's own CSP is the second wall: markup that got in anyway could
  // neither load nor run a handler. (Without it the missing image fails to
  // load and the handler sets the marker.)
  const ranHandler = await page.evaluate(async () => {
    const image = document.createElement('img')
    image.setAttribute('onerror', 'window.__cspProbe = 1')
    const failed = new Promise((done) => image.addEventListener('error', done, { once: true }))
    image.src = 'no-such-image.png'
    document.body.append(image)
    await Promise.race([failed, new Promise((done) => setTimeout(done, 3000))])
    return (window as { __cspProbe?: unknown }).__cspProbe
  })
  expect(ranHandler).toBeUndefined()
})
