// Profiles, search and the learner's home against the built UI with the
// backend mocked: the picker with PIN prompts and the wrong-PIN lock, search
// results with marked words that open the module, and the home screen.
// Screenshots land in target/browser-screenshots/ for review.
import { expect, test, type Page } from '@playwright/test'
import { argsSent, installTauriMock } from './tauri-mock'
import { installLearnerMock, type MockProfile } from './learner-records-mock'
import { communityOps } from './fixtures/community-ops'

const SHOTS = 'target/browser-screenshots'

const PROFILES: MockProfile[] = [
  { id: 'p1', displayName: '王小丽', role: 'learner', avatarColour: '#1d4ed8', lastUsedAt: '2026-11-20T08:00:00Z' },
  { id: 'p2', displayName: '李老师', role: 'instructor', avatarColour: '#be185d', lastUsedAt: '2026-11-18T08:00:00Z', pin: '246810' },
  { id: 'p3', displayName: '张主管', role: 'admin', avatarColour: '#b45309', lastUsedAt: '2026-11-10T08:00:00Z', pin: '1357' },
]

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

test.beforeEach(async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps] })
  await installLearnerMock(page, { profiles: PROFILES, activeId: 'p1', courses: [communityOps], dueReviews: 3 })
})

test('the profile picker lists profiles by last use and switches with a PIN', async ({ page }) => {
  await page.goto('/#/profiles')
  await expect(page.getByRole('heading', { level: 1, name: '选择档案' })).toBeVisible()
  const cards = page.getByTestId('profile-card')
  await expect(cards).toHaveCount(3)
  await expect(cards.nth(0)).toContainText('王小丽')
  await expect(cards.nth(0)).toContainText('正在使用')
  await expect(cards.nth(1)).toContainText('讲师')
  await expect(page.getByTestId('nav-profiles')).toContainText('王小丽')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/profile-picker.png`, fullPage: true })

  await page.getByTestId('profile-use-p2').click()
  const dialog = page.getByTestId('pin-dialog')
  await expect(dialog).toContainText('输入“李老师”的 PIN')
  await page.getByTestId('pin-input').fill('0000')
  await page.getByTestId('pin-submit').click()
  await expect(page.getByTestId('pin-message')).toHaveText('PIN 不正确，还可以再试 4 次。')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/profile-pin.png` })

  await page.getByTestId('pin-input').fill('246810')
  await page.getByTestId('pin-submit').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: '你好，李老师' })).toBeVisible()
  await expect(page.getByTestId('nav-profiles')).toContainText('李老师')
  expect(await argsSent(page, 'switch_profile')).toEqual([
    { profileId: 'p2', pin: '0000' },
    { profileId: 'p2', pin: '246810' },
  ])
})

test('five wrong PINs lock the profile for 30 seconds', async ({ page }) => {
  await page.goto('/#/profiles')
  await page.getByTestId('profile-use-p3').click()
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('pin-input').fill('9999')
    await page.getByTestId('pin-submit').click()
  }
  await expect(page.getByTestId('pin-message')).toHaveText('错误次数过多，请 30 秒后再试。')
  await page.getByTestId('pin-input').fill('1357')
  await page.getByTestId('pin-submit').click()
  await expect(page.getByTestId('pin-message')).toContainText('错误次数过多')
})

test('a new profile can be created with its colour', async ({ page }) => {
  await page.goto('/#/profiles')
  await page.getByTestId('profile-create').click()
  await page.getByTestId('profile-name').fill('赵新人')
  await page.getByRole('radio', { name: '颜色 #9333ea' }).check()
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-card')).toHaveCount(4)
  expect(await argsSent(page, 'create_profile')).toEqual([{ profile: { displayName: '赵新人', avatarColour: '#9333ea', pin: null } }])
})

test('searching from the header shows marked results that open the module', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('search-input').fill('社群')
  await page.getByTestId('search-submit').click()
  await expect(page.getByRole('heading', { level: 1, name: '“社群”的搜索结果' })).toBeVisible()
  const hits = page.getByTestId('search-hit')
  await expect(hits.first()).toBeVisible()
  await expect(hits.first().locator('mark').first()).toHaveText('社群')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/search-results.png`, fullPage: true })

  const title = await hits.first().locator('h2').innerText()
  await hits.first().locator('h2 a').click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByTestId('notes-panel')).toBeVisible()
})

test('a search with no match says so', async ({ page }) => {
  await page.goto('/#/search?q=区块链')
  await expect(page.getByRole('heading', { name: '没有找到相关内容' })).toBeVisible()
})

test('home shows where to continue, the next step and due reviews', async ({ page }) => {
  await page.goto('/#/my')
  await expect(page.getByRole('heading', { level: 1, name: '你好，王小丽' })).toBeVisible()
  await expect(page.getByTestId('home-continue')).toContainText('继续学习')
  await expect(page.getByTestId('home-reviews')).toContainText('3 道错题等你复习')
  await expect(page.getByTestId('home-course')).toContainText('专注学习 45 分钟')
  await settle(page)
  await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true })

  await page.getByTestId('export-record').click()
  await expect(page.getByText('学习记录已导出到 /home/learner/我的学习记录.xlsx')).toBeVisible()
  expect(await argsSent(page, 'export_learner_record')).toEqual([{ path: '/home/learner/我的学习记录.xlsx' }])
})

test('a note quotes the selected text', async ({ page }) => {
  const module = communityOps.modules[0]
  await page.goto(`/#/courses/${communityOps.id}/modules/${module.id}`)
  await expect(page.getByTestId('notes-panel')).toBeVisible()
  await page.locator('.prose p').first().selectText()
  await page.getByTestId('note-quote-selection').click()
  await expect(page.getByTestId('note-quote')).not.toBeEmpty()
  await page.getByTestId('note-draft').fill('这一段要记住')
  await page.getByTestId('note-save').click()
  await expect(page.getByTestId('notes-list')).toContainText('这一段要记住')
  const [sent] = await argsSent(page, 'add_note')
  expect((sent as { note: { quote: string } }).note.quote.length).toBeGreaterThan(0)
})
