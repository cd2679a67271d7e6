// Issue 26 in the real window: no link in rendered HTML can take the app's
// window away. A hostile pack (tests/fixtures/packs/hostile-links) is imported
// from a script into a new data folder; its module text, quiz question and
// practice-task instructions, and a learner's submission (in the learner's
// preview and in the instructor's grading view), each link to an SVG of the
// pack that holds a script (`assets/marker.svg`) and to https://example.com/.
//
// After every click the window must still show the same screen of the app on
// its own origin (tauri://localhost, or http(s)://tauri.localhost on
// Windows), in the same document (a token set before the click is still
// there, so nothing reloaded it), with the app's toast saying what happened
// to the link; and the SVG's script must not have run. The script would
// leave a mark wherever the app's window could see one: `window.__svgRan` on
// every window it can reach, `svgRan` in localStorage if it ran with the
// app's origin, a `svgRan` message, and — run as the window's own page — it
// sends the window back to the app with `svgRan` in the address (the token
// check catches that reload too). Last, navigations that get past the page
// (set from script) are refused by the shell's navigation guard.
// Screenshot: `links-stay-home` (the grading view with both toasts).

import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type, useProfile } from '../lib/forms.mjs'
import { machineWith } from '../lib/machine.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const PACK = join(repo, 'tests/fixtures/packs/hostile-links')
const COURSE = 'hostile.links'
const INSTRUCTOR_PIN = '975310'
const LEARNER = '小林'
const INSTRUCTOR = '王老师'
// Quiz and task text have no asset base, so they (and the learner) write the
// asset protocol's address as the webview on Linux and macOS loads it.
const SVG_URL = `qxasset://localhost/${COURSE}/assets/marker.svg`
const SUBMISSION = `我的作业：参考了[示意图](${SVG_URL})，也看了[外部网站](https://example.com/)。`

// The toasts useSafeLinks shows (ui/src/i18n/features/common.zh-CN.ts).
const REFUSED = '这个链接无法在群学中打开'
const EXTERNAL = 'https://example.com/'
const LINKS = [
  { what: 'the SVG', href: 'marker.svg', toast: REFUSED },
  { what: 'the website', href: 'https://example.com', toast: EXTERNAL },
]

/** The app's own pages, as each platform's webview addresses them. */
const APP_ORIGIN = /^(tauri:\/\/localhost|https?:\/\/tauri\.localhost)([/?#]|$)/

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'
const pause = (ms) => new Promise((done) => setTimeout(done, ms))

/** Before a click: a token in this document, a listener for messages, and every toast on screen marked as old. */
async function prepare(t) {
  const token = `home-${Date.now()}-${Math.random()}`
  await t.driver.executeScript(
    `window.__e2eHome = arguments[0];
     if (!window.__e2eMessages) {
       window.__e2eMessages = [];
       window.addEventListener('message', (event) => window.__e2eMessages.push(String(event.data)));
     }
     document.querySelectorAll('[data-testid="toast"]').forEach((toast) => { toast.dataset.e2eSeen = '1' });`,
    [token],
  )
  return token
}

/** Where the window is and every mark the SVG's script would have left that this document can read. */
async function state(t) {
  const url = await t.driver.getUrl()
  const page = await t.driver.executeScript(
    `let stored = null;
     try { stored = localStorage.getItem('svgRan') } catch (e) { stored = 'unreadable: ' + e }
     return {
       token: window.__e2eHome ?? null,
       svgRan: window.__svgRan ?? null,
       stored,
       messages: (window.__e2eMessages ?? []).filter((m) => m.includes('svgRan')),
       hash: location.hash,
       heading: document.querySelector('main h1')?.textContent?.trim() ?? null,
     }`,
    [],
  )
  return { url, ...page }
}

/** Asserts the window is the app, in the document holding `token`, on `before`'s screen, with no SVG mark. */
function assertHome(t, label, token, before, after) {
  t.assert(APP_ORIGIN.test(after.url), `${label}: the window left the app for ${after.url}`)
  t.assert(!after.url.includes('svgRan'), `${label}: the SVG's script ran and sent the window home: ${after.url}`)
  t.assert(after.token === token, `${label}: the app's page was replaced (now ${after.url})`)
  t.assert(after.svgRan === null, `${label}: the SVG's script ran (window.__svgRan = ${after.svgRan})`)
  t.assert(after.stored === null, `${label}: the SVG's script ran with the app's origin (localStorage svgRan = ${after.stored})`)
  t.assert(after.messages.length === 0, `${label}: the SVG's script posted ${after.messages.join(', ')}`)
  t.assert(after.hash === before.hash, `${label}: the app moved from ${before.hash} to ${after.hash}`)
  t.assert(after.heading && after.heading === before.heading, `${label}: the screen changed from "${before.heading}" to "${after.heading}"`)
}

/** Clicks each link inside `container` and checks the window stays home, with the app's toast about the link. */
async function clickLinks(t, where, container) {
  // Every link is tried even when one fails, so one report names them all.
  const failures = []
  for (const link of LINKS) {
    const label = `${where}, ${link.what}`
    try {
      await clickLink(t, label, `${container} a[href*="${link.href}"]`, link.toast)
    } catch (error) {
      failures.push(error.message)
    }
  }
  t.assert(failures.length === 0, failures.join('\n'))
}

async function clickLink(t, label, selector, expectedToast) {
  const anchor = await t.waitFor(`${label}: the link`, () => t.find(selector))
  const token = await prepare(t)
  const before = await state(t)
  t.assert(before.token === token && APP_ORIGIN.test(before.url), `${label}: not on the app before the click (${before.url})`)
  // In the middle of the screen, clear of the toasts in the bottom corner.
  await t.driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', [{ [ELEMENT]: anchor }])
  await t.driver.elementClick(anchor)
  // The app answers a link with a toast; a navigation, if one were let
  // through, would need a moment to replace the page.
  await pause(1_000)
  assertHome(t, label, token, before, await state(t))
  await t.waitFor(
    `${label}: the app's toast about the link`,
    () =>
      t.driver.executeScript(
        `return [...document.querySelectorAll('[data-testid="toast"]:not([data-e2e-seen])')]
           .some((toast) => toast.textContent.includes(arguments[0]))`,
        [expectedToast],
      ),
    5_000,
  )
}

/** Picks `value` in a <select> the way a person does, so Vue's v-model hears it. */
async function choose(t, selector, value) {
  await t.driver.executeScript(
    `const el = document.querySelector(arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [selector, value],
  )
}

export default async function (t) {
  await machineWith(t, { name: 'links', pack: PACK, people: [{ name: INSTRUCTOR, role: 'instructor', pin: INSTRUCTOR_PIN }, { name: LEARNER, role: 'learner' }] })

  await t.check('links in module text stay in the app; the SVG shown as an image runs nothing', async () => {
    await t.waitFor('the first screen', () => t.find('main h1'))
    await useProfile(t, LEARNER)
    await t.navigate(`/courses/${COURSE}/modules/m01-links`)
    await t.waitFor('the module body', () => t.find('[data-testid="module-body"] img[src*="marker.svg"]'))
    // The module shows the SVG as an image too: give it time to load.
    await t.waitFor('the SVG image to load', () =>
      t.driver.executeScript('return document.querySelector(\'[data-testid="module-body"] img[src*="marker.svg"]\').complete', []),
    )
    await clickLinks(t, 'module text', '[data-testid="module-body"]')
  })

  await t.check('links in a quiz question stay in the app', async () => {
    await t.navigate(`/courses/${COURSE}/quizzes/quiz-links`)
    await t.waitFor('the quiz overview', () => t.find('[data-testid="start-quiz"]'))
    await t.click('[data-testid="start-quiz"]')
    await t.waitFor('the question', () => t.find('article.question .question__stem'))
    await clickLinks(t, 'quiz question', 'article.question .question__stem')
  })

  await t.check('links in task instructions and in the learner’s own submission stay in the app', async () => {
    await t.navigate(`/courses/${COURSE}/tasks/task-links`)
    await t.waitFor('the task editor', () => t.find('[data-testid="task-markdown"]'))
    // Submitted first, so the grading view below has it whatever happens here.
    await type(t, '[data-testid="task-markdown"]', SUBMISSION)
    await t.click('[data-testid="task-submit"]')
    await t.waitFor('the confirmation', () => t.find('[data-testid="confirm-action"]'))
    await t.click('[data-testid="confirm-action"]')
    await t.waitFor('the submitted version', () => t.find('[data-testid="task-version"]'))
    await clickLinks(t, 'task instructions', '.task-page__section .quiz-html:not([data-testid="task-preview"])')
    // The editor keeps the submitted text (resubmitting is allowed), with its preview.
    await t.waitFor('the preview', () => t.find('[data-testid="task-preview"] a[href*="marker.svg"]'))
    await clickLinks(t, 'submission preview', '[data-testid="task-preview"]')
  })

  await t.check('links in a learner’s submission stay in the app in the instructor’s grading view', async () => {
    await useProfile(t, INSTRUCTOR, INSTRUCTOR_PIN)
    await t.navigate('/teach/tasks')
    await t.waitFor('the course choice', () => t.find(`[data-testid="queue-course"] option[value="${COURSE}"]`))
    await choose(t, '[data-testid="queue-course"]', COURSE)
    await t.waitFor('the submission in the queue', async () => {
      const rows = await t.driver.findElements('css selector', '[data-testid="queue-row"]')
      return rows.length === 1 && (await t.textOf('[data-testid="queue-row"]')).includes(LEARNER)
    })
    await t.click('[data-testid="queue-open"]')
    await t.waitFor('the submission', () => t.find('[data-testid="submission-html"] a[href*="marker.svg"]'))
    const heading = await t.textOf('main h1')
    t.assert(heading.startsWith('批改：'), `grading heading was ${heading}`)
    await clickLinks(t, 'grading view', '[data-testid="submission-html"]')
    const toasts = await t.driver.executeScript('return [...document.querySelectorAll(\'[data-testid="toast"]\')].map((x) => x.textContent.trim())', [])
    t.assert(toasts.some((x) => x.includes(REFUSED)) && toasts.some((x) => x.includes(EXTERNAL)), `both toasts should show: ${toasts.join(' | ')}`)
    await t.screenshot('links-stay-home')
  })

  await t.check('a navigation that gets past the page is refused by the shell', async () => {
    for (const [what, target] of [
      ['the SVG', SVG_URL],
      ['the website', 'https://example.com/'],
    ]) {
      const label = `script navigation to ${what}`
      const token = await prepare(t)
      const before = await state(t)
      // Set from a timer, so the script returns before any navigation starts.
      await t.driver.executeScript('setTimeout(() => { window.location.href = arguments[0] }, 0)', [target])
      await pause(2_000)
      assertHome(t, label, token, before, await state(t))
    }
  })
}
