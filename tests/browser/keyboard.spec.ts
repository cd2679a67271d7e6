// The learner's journey by keyboard alone, with a visible focus indicator on
// every stop: skip link → a module from the outline → its quiz → answer with the
// number keys → hand in → the result; and `?` opens the shortcut help, Esc closes
// it and gives focus back. No mouse click anywhere in this file.
import { expect, test, type Page } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { installQuizMock } from './quiz-mock'
import { communityOps } from './fixtures/community-ops'
import { quizM01 } from './fixtures/quiz-m01'

test.use({ timezoneId: 'Asia/Shanghai' })

/**
 * Whether the focused element draws the focus colour (--color-focus) as a ring
 * (box-shadow) or an outline; a card's ordinary shadow does not count.
 */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return false
    const probe = document.createElement('span')
    probe.style.color = 'var(--color-focus)'
    document.body.append(probe)
    const focusColour = getComputedStyle(probe).color
    probe.remove()
    const style = getComputedStyle(el)
    const outlined = style.outlineStyle !== 'none' && style.outlineWidth !== '0px' && style.outlineColor === focusColour
    return style.boxShadow.includes(focusColour) || outlined
  })
}

/** Presses Tab until `selector` has focus, checking that every stop on the way shows its focus. */
async function tabTo(page: Page, selector: string, maxStops = 80): Promise<void> {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab')
    const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '')
    expect(await focusIsVisible(page), `focus is not visible on ${where}`).toBe(true)
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`${selector} was not reached within ${maxStops} Tab presses`)
}

test('outline → module → quiz → result, by keyboard alone', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installQuizMock(page, { quizzes: [quizM01] })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '社群运营实战' })).toBeVisible()

  // The first stop is the skip link; it moves focus to the content.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused()
  expect(await focusIsVisible(page)).toBe(true)
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()

  await tabTo(page, 'a[data-module-id="m01-concept"]')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: '社群运营的概念、意义与类型' })).toBeVisible()

  await tabTo(page, '[data-testid="module-quizzes"] a')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: quizM01.title })).toBeVisible()

  await tabTo(page, '[data-testid="start-quiz"]')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: '第 1 题 / 共 12 题' })).toBeVisible()
  // Number keys pick an option (the quiz's own shortcuts).
  await page.keyboard.press('1')
  await expect(page.getByTestId('answered-count')).toHaveText('已答 1 / 12')

  await tabTo(page, '[data-testid="open-submit"]')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toBeVisible()
  await tabTo(page, '[data-testid="confirm-action"]', 20)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('result-percent')).toBeVisible()
})

test('? lists the shortcuts; Esc closes the list and focus returns', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '社群运营实战' })).toBeVisible()
  await tabTo(page, 'a[data-module-id="m01-concept"]')

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: '键盘快捷键' })
  await expect(help).toBeVisible()
  await expect(help).toContainText('打开这份快捷键说明')
  await expect(help).toContainText('为当前标准选择第几档')
  await expect(help).toContainText('放大文字')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await expect(page.locator('a[data-module-id="m01-concept"]')).toBeFocused()

  // `/` jumps to search; typing there does not open the help.
  await page.keyboard.press('/')
  await expect(page.getByTestId('search-input')).toBeFocused()
  await page.keyboard.type('?')
  await expect(help).toBeHidden()
  await expect(page.getByTestId('search-input')).toHaveValue('?')
})

/** The zoom factors the page asked the webview for, in order. */
async function zoomsSent(page: Page): Promise<number[]> {
  return (await argsSent(page, 'plugin:webview|set_webview_zoom')).map((args) => Number(args.value))
}

test('Ctrl+= enlarges the text, Ctrl+- and Ctrl+0 undo it, and the size survives a reload', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '社群运营实战' })).toBeVisible()
  // The stored size (100%) is applied before the first paint.
  expect(await zoomsSent(page)).toEqual([1])

  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+-')
  await expect.poll(() => zoomsSent(page)).toEqual([1, 1.15, 1.3, 1.15])

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: '社群运营实战' })).toBeVisible()
  await expect.poll(() => zoomsSent(page)).toEqual([1.15])

  // 设置 shows the same size, and Ctrl+0 puts it back to standard there too.
  await page.goto('/#/settings')
  await expect(page.getByTestId('settings-text-size-115')).toBeChecked()
  await page.keyboard.press('Control+0')
  await expect(page.getByTestId('settings-text-size-100')).toBeChecked()
  await expect.poll(async () => (await zoomsSent(page)).at(-1)).toBe(1)
})
