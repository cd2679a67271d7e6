// The main screens again in English, switched the way a user does it (Settings →
// English), each saved as `<name>-en.png` beside the Chinese ones: outline, module,
// quiz overview and result, library with the import dialog's first step, search,
// home, profile picker, settings, the keyboard-shortcut help, the grading queue and
// the impact set-up and report (as an instructor). One module is also captured in the
// dark theme. Every screen is checked for leftover Chinese interface text in its
// header and headings. The language and theme are switched back and the learner role
// restored at the end, because tasks.mjs (last) reads Chinese text.
// Named to sort after the numbered checks and learner.mjs, before tasks.mjs.

import { QUIZ_PATH } from './20-quiz-start.mjs'
import { setActiveRole } from '../lib/roles.mjs'

const COURSE = 'qunxue.community-ops'
const CJK = /[\u3400-\u9fff]/

/** Chooses a radio in Settings and waits for the page to follow. */
async function chooseSetting(t, testid) {
  await t.navigate('/settings')
  await t.waitFor('the settings screen', () => t.find('[data-testid="settings-screen"]'))
  await t.click(`[data-testid="${testid}"]`)
}

/** The header and the screen's headings: interface text only, no course content. */
async function assertEnglishChrome(t, where) {
  const nav = await t.textOf('header nav')
  t.assert(!CJK.test(nav), `${where}: the header navigation is not in English: ${nav}`)
  const lang = await t.driver.executeScript('return document.documentElement.lang', [])
  t.assert(lang === 'en', `${where}: <html lang> is ${lang}`)
}

async function shoot(t, name, path, ready) {
  await t.navigate(path)
  await t.waitFor(`the ${name} screen`, () => t.find(ready))
  await assertEnglishChrome(t, name)
  await t.screenshot(`${name}-en`)
}

export default async function (t) {
  await t.waitFor('the first screen', () => t.find('main h1'))
  try {
    await t.check('Settings switches the interface to English', async () => {
      await chooseSetting(t, 'settings-locale-en')
      await t.waitFor('the English settings heading', async () => (await t.textOf('main h1')) === 'Settings')
      await assertEnglishChrome(t, 'settings')
      await t.screenshot('settings-en')
    })

    await t.check('the learner screens are captured in English', async () => {
      await shoot(t, 'outline', '/', `a[data-module-id="m01-concept"]`)
      const summary = await t.textOf('[data-testid="progress-summary"]')
      t.assert(/modules completed/.test(summary), `the progress summary was not translated: ${summary}`)
      await shoot(t, 'module', `/courses/${COURSE}/modules/m01-concept`, '[data-testid="module-body"]')
      await shoot(t, 'quiz', QUIZ_PATH, 'main h1')
      // The result of the attempt handed in by 21-quiz-resume.mjs, when that check ran.
      const result = await t.find('[data-testid="attempt-history"] a.history__link').catch(() => null)
      if (result) {
        await t.driver.elementClick(result)
        await t.waitFor('the quiz result', () => t.find('[data-testid="result-percent"]'))
        await assertEnglishChrome(t, 'quiz result')
        await t.screenshot('quiz-result-en')
      }
      await shoot(t, 'library', '/library', '[data-testid="course-list"]')
      await t.click('[data-testid="import-pack"]')
      await t.waitFor('the import dialog', () => t.find('[data-testid="choose-folder"]'))
      await t.screenshot('import-en')
      await shoot(t, 'search-results', `/search?q=${encodeURIComponent('社群')}`, '[data-testid="search-results"]')
      await shoot(t, 'home', '/my', 'main h1')
      await shoot(t, 'profile-picker', '/profiles', '[data-testid="profile-card"]')
    })

    // Issue #32: the backend's own message for a failure is in the interface
    // language too (the real command's {message, message_zh}, shown by ErrorState).
    await t.check('an error from the backend reads in English', async () => {
      await t.navigate(`/courses/${COURSE}/modules/no-such-module`)
      const detail = await t.waitFor('the error detail', () => t.textOf('.error__detail'))
      t.assert(/module no-such-module of course .* not found/.test(detail), `the error read: ${detail}`)
      t.assert(!CJK.test(detail), `the English error has Chinese in it: ${detail}`)
      await t.screenshot('error-en')
    })

    await t.check('the shortcut help opens with ? and is in English', async () => {
      await t.navigate('/')
      await t.waitFor('the outline', () => t.find(`a[data-module-id="m01-concept"]`))
      await t.driver.performActions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '?' }, { type: 'keyUp', value: '?' }] }])
      const dialog = await t.waitFor('the shortcut help', () => t.textOf('[data-testid="shortcuts-dialog"]'))
      t.assert(dialog.includes('Keyboard shortcuts') && !CJK.test(dialog), `the shortcut help read: ${dialog}`)
      await t.screenshot('shortcuts-en')
      await t.driver.performActions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE00C' }, { type: 'keyUp', value: '\uE00C' }] }])
      await t.waitFor('the shortcut help to close', async () => (await t.driver.findElements('css selector', '[data-testid="shortcuts-dialog"]')).length === 0)
    })

    await t.check('the instructor screens are captured in English', async () => {
      setActiveRole('instructor')
      try {
        await shoot(t, 'grading-queue', '/teach/tasks', 'main h1')
        await shoot(t, 'impact', '/teach/impact', '[data-testid="study-new"]')
        const study = await t.find('.impact__list a').catch(() => null)
        if (study) {
          await t.driver.elementClick(study)
          await t.waitFor('the study', () => t.find('[role="tab"]'))
          const tabs = await t.driver.findElements('css selector', '[role="tab"]')
          await t.driver.elementClick(tabs[tabs.length - 1]['element-6066-11e4-a52e-4f735466cecf'])
          await t.waitFor('the report conclusions', () => t.find('[data-testid="report-conclusions"] li'))
          await t.screenshot('impact-report-en')
        }
        await t.navigate('/teach/impact')
        await t.driver.elementClick(await t.waitFor('the new-study button', () => t.find('[data-testid="study-new"]')))
        await t.waitFor('the study set-up form', () => t.find('[data-testid="study-setup"]'))
        await t.screenshot('impact-setup-en')
      } finally {
        setActiveRole('learner')
      }
    })

    await t.check('the dark theme applies from Settings', async () => {
      await chooseSetting(t, 'settings-theme-dark')
      const theme = await t.driver.executeScript('return document.documentElement.dataset.theme', [])
      t.assert(theme === 'dark', `data-theme after choosing dark was ${theme}`)
      await shoot(t, 'module-dark', `/courses/${COURSE}/modules/m01-concept`, '[data-testid="module-body"]')
    })
  } finally {
    // Back to the defaults for the checks after this one.
    await chooseSetting(t, 'settings-theme-system').catch(() => {})
    await chooseSetting(t, 'settings-locale-zh-CN').catch(() => {})
    await t.check('the interface is back in Chinese', async () => {
      await t.waitFor('the Chinese settings heading', async () => (await t.textOf('main h1')) === '设置')
    })
  }
}
