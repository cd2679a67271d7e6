// Issue 23 in the real window, on a second data folder prepared from a
// script as a company would: an admin, the shipped course and `qunxue demo`
// (12 learners in two classes, graded work). The demo instructor opens
// 教学 → 班级 and 教学 → 评分分析; a learner bookmarks a module and finds it
// on the home screen. Each screen is saved in Chinese and in English:
// `class-view`, `grading-analytics`, `bookmarks` (and `-en`).

import { execFileSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useProfile } from '../lib/forms.mjs'
import { scratchDir } from '../lib/scratch.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const ADMIN_PIN = '864200'

function qunxue(args, { input, pin } = {}) {
  const cli = join(dirname(process.env.QUNXUE_APP ?? ''), 'qunxue')
  const env = { ...process.env, QUNXUE_PIN: pin ?? '' }
  return execFileSync(cli, args, { input, encoding: 'utf8', env })
}

async function setLanguage(t, code) {
  await t.navigate('/settings')
  await t.waitFor('the settings screen', () => t.find('[data-testid="settings-screen"]'))
  await t.click(`[data-testid="settings-locale-${code}"]`)
  await t.waitFor('the language', async () => (await t.driver.executeScript('return document.documentElement.lang', [])) === (code === 'en' ? 'en' : 'zh-CN'))
}

async function shootScreens(t, suffix) {
  await t.navigate('/teach/classes')
  await t.waitFor('the class list', async () => (await t.driver.findElements('css selector', '[data-testid="class-members"] tbody tr')).length >= 12)
  await t.screenshot(`class-view${suffix}`)
  await t.navigate('/teach/analytics')
  await t.waitFor('a distribution chart', async () => (await t.driver.findElements('css selector', 'main [role="img"]')).length > 0)
  await t.screenshot(`grading-analytics${suffix}`)
}

export default async function (t) {
  const dataDir = scratchDir('qunxue-e2e-class-')
  const db = join(dataDir, 'qunxue.db')
  const admin = JSON.parse(qunxue(['profile', 'add', '--db', db, '--name', '培训负责人', '--role', 'admin', '--pin-stdin', '--json'], { input: `${ADMIN_PIN}\n` }))
  qunxue(['import', repo, '--db', db, '--profile', admin.id], { pin: ADMIN_PIN })
  const demo = JSON.parse(qunxue(['demo', '--learners', '12', '--seed', '5', '--db', db, '--profile', admin.id, '--json'], { pin: ADMIN_PIN }))
  await t.relaunch(['--data-dir', dataDir])

  await t.check('an instructor sees every member of the class and the grading analytics', async () => {
    await t.waitFor('the first screen', () => t.find('main h1'))
    await useProfile(t, demo.instructor, demo.instructorPin)
    await shootScreens(t, '')
  })

  await t.check('a learner’s bookmark is listed on their home screen', async () => {
    await t.navigate('/profiles')
    const name = await t.waitFor('a learner card', async () =>
      t.driver.executeScript(
        `const card = [...document.querySelectorAll('[data-testid="profile-card"]')]
           .find((c) => c.querySelector('[data-role="learner"]'));
         return card && card.querySelector('.picker__name').textContent`,
        [],
      ),
    )
    await useProfile(t, name)
    await t.navigate('/courses/qunxue.community-ops/modules/m05-content')
    await t.waitFor('the bookmark button', () => t.find('[data-testid="bookmark-toggle"]'))
    await t.click('[data-testid="bookmark-toggle"]')
    await t.waitFor('the bookmark', async () => (await t.driver.executeScript('return document.querySelector(\'[data-testid="bookmark-toggle"]\').getAttribute("aria-pressed")', [])) === 'true')
    await t.navigate('/my')
    await t.waitFor('the bookmark list', () => t.find('[data-testid="home-bookmarks"] [data-testid="bookmark"]'))
    await t.driver.executeScript('document.querySelector(\'[data-testid="home-bookmarks"]\').scrollIntoView({ block: "center" })', [])
    await t.screenshot('bookmarks')
  })

  await t.check('the class view, the analytics and the bookmarks in English', async () => {
    await setLanguage(t, 'en')
    try {
      await t.navigate('/my')
      await t.waitFor('the bookmark list', () => t.find('[data-testid="home-bookmarks"] [data-testid="bookmark"]'))
      await t.driver.executeScript('document.querySelector(\'[data-testid="home-bookmarks"]\').scrollIntoView({ block: "center" })', [])
      await t.screenshot('bookmarks-en')
      await useProfile(t, demo.instructor, demo.instructorPin)
      await shootScreens(t, '-en')
    } finally {
      await setLanguage(t, 'zh-CN')
    }
  })
}
