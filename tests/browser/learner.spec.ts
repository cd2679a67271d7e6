// The learner's walking-skeleton journey against the built UI: outline →
// module → complete → back to an updated outline, plus the empty and error
// screens. Screenshots land in target/browser-screenshots/ for review.
import { expect, test, type Page } from '@playwright/test'
import { commandsSent, installTauriMock } from './tauri-mock'
import { communityOps } from './fixtures/community-ops'

const SHOTS = 'target/browser-screenshots'

// Fonts and layout must be final before a screenshot; a click can leave the
// previous paint on screen for a frame.
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

test.describe('with the community-operations course installed', () => {
  test.beforeEach(async ({ page }) => {
    await installTauriMock(page, { courses: [communityOps] })
  })

  test('the outline shows the course, its progress and three sections', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: '社群运营实战' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['理论学习', '实操演练', '案例研讨', '班级与学习记录'])
    await expect(page.getByTestId('progress-summary')).toHaveText('已完成 1 / 8 个模块')
    await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '12')

    const theory = page.locator('section[data-kind="theory"]')
    await expect(theory.getByRole('link')).toHaveCount(3)
    await expect(page.locator('section[data-kind="practice"]').getByRole('link')).toHaveCount(3)
    await expect(page.locator('section[data-kind="case"]').getByRole('link')).toHaveCount(2)
    await expect(theory.locator('[data-module-id="m02-platforms"]')).toContainText('已完成')
    await expect(page.getByRole('link', { name: /继续学习：用户定位与社群价值设计/ })).toBeVisible()

    expect(await commandsSent(page)).toContain('ui_ready')
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/outline.png`, fullPage: true })
  })

  test('a module opens from the outline and renders its text', async ({ page }) => {
    await page.goto('/')
    const row = page.locator('[data-module-id="m01-concept"]')
    await expect(row).toContainText('未开始')
    await row.click()

    await expect(page.getByRole('heading', { level: 1, name: '社群运营的概念、意义与类型' })).toBeVisible()
    await expect(page.getByRole('heading', { name: '学习目标' })).toBeVisible()
    const body = page.getByTestId('module-body')
    await expect(body.getByRole('heading', { level: 2, name: '一、什么是社群' })).toBeVisible()
    await expect(body.locator('table')).toContainText('身份与规则')
    await expect(body.locator('blockquote')).toContainText('要看关系')
    await expect(page.getByTestId('module-status')).toHaveText('学习中')

    // The reading column stays at a comfortable width.
    const width = await body.evaluate((el) => el.getBoundingClientRect().width)
    expect(width).toBeLessThanOrEqual(800)

    await settle(page)
    await page.screenshot({ path: `${SHOTS}/module.png`, fullPage: true })

    // The same screen in the dark theme, for a reviewer's eye.
    await page.emulateMedia({ colorScheme: 'dark' })
    await settle(page)
    await page.screenshot({ path: `${SHOTS}/module-dark.png`, fullPage: true })
  })

  test('keyboard: Enter on a module row opens it', async ({ page }) => {
    await page.goto('/')
    await page.locator('[data-module-id="m11-account-setup"]').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: '搭建并检查一个社群账号' })).toBeVisible()
    await expect(page).toHaveURL(/#\/courses\/qunxue\.community-ops\/modules\/m11-account-setup$/)
  })

  test('completing a module updates its badge here and in the outline', async ({ page }) => {
    await page.goto('/#/courses/qunxue.community-ops/modules/m01-concept')
    await expect(page.getByTestId('module-status')).toHaveText('学习中')

    await page.getByRole('button', { name: '标记为已完成' }).click()
    await expect(page.getByTestId('module-status')).toHaveText('已完成')
    await expect(page.getByRole('button', { name: '已完成本课' })).toBeDisabled()

    await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '课程目录' }).click()
    await expect(page.locator('[data-module-id="m01-concept"]')).toContainText('已完成')
    await expect(page.getByTestId('progress-summary')).toHaveText('已完成 2 / 8 个模块')
  })

  test('next and previous move through the reading order; footnotes stay on the page', async ({ page }) => {
    await page.goto('/#/courses/qunxue.community-ops/modules/m01-concept')
    await page.locator('.footnote-reference a').click()
    await expect(page).toHaveURL(/modules\/m01-concept$/)
    await expect(page.locator('#fn-def')).toBeInViewport()

    await page.getByRole('link', { name: '下一课' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '主流社群平台与工具选择' })).toBeVisible()
    await page.getByRole('link', { name: '上一课' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '社群运营的概念、意义与类型' })).toBeVisible()
  })
})

test('no course installed: the learner is told what to do', async ({ page }) => {
  await installTauriMock(page, { courses: [] })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '还没有安装课程' })).toBeVisible()
  await expect(page.getByText('请向培训负责人索取课程包')).toBeVisible()
})

test('a backend failure shows what happened and what to do', async ({ page }) => {
  await installTauriMock(page, {
    courses: [communityOps],
    failing: {
      command: 'course_outline',
      kind: 'io',
      message: 'cannot read courses/community-ops/course.toml: permission denied',
      message_zh: '无法读取 courses/community-ops/course.toml：permission denied',
    },
  })
  await page.goto('/')
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: '读取课程文件失败' })).toBeVisible()
  await expect(alert).toContainText('请管理员重新导入课程包')
  await expect(alert).toContainText('permission denied')
  await expect(alert.getByRole('button', { name: '重试' })).toBeVisible()
})

// The desktop webview runs under a strict CSP (DESIGN.md §7) with Tauri's
// freezePrototype on. Serve the page with a policy at least as strict as
// src-tauri/tauri.conf.json's, freeze Object.prototype the same way, and make
// sure nothing is blocked: no inline script or style, no eval, no remote loads.
test('works under a strict Content-Security-Policy and a frozen prototype', async ({ page }) => {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
  await page.route(/\/(index\.html)?$/, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } })
  })
  await page.addInitScript(() => {
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`))
    ;(window as unknown as { __CSP_VIOLATIONS__: string[] }).__CSP_VIOLATIONS__ = violations
    Object.freeze(Object.prototype)
  })
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await installTauriMock(page, { courses: [communityOps] })

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['理论学习', '实操演练', '案例研讨', '班级与学习记录'])
  await page.locator('[data-module-id="m01-concept"]').click()
  await page.getByRole('button', { name: '标记为已完成' }).click()
  await expect(page.getByTestId('module-status')).toHaveText('已完成')

  const violations = await page.evaluate(() => (window as unknown as { __CSP_VIOLATIONS__: string[] }).__CSP_VIOLATIONS__)
  expect(violations).toEqual([])
  expect(pageErrors).toEqual([])
})
