// Desktop end-to-end test: the real Qunxue binary in a real window (Xvfb),
// driven through tauri-driver + WebKitWebDriver with the W3C protocol.
//
// `cargo xtask test` starts Xvfb and tauri-driver, then runs this file with:
//   QUNXUE_APP          path of the built desktop binary
//   QUNXUE_DATA_DIR     a fresh data folder (inherited by the app)
//   WEBDRIVER_PORT      tauri-driver's port
//   SCREENSHOT_DIR      where the screenshots go
// Feature checks in checks/*.mjs run after the core ones and the restart check.
// It prints one line per check and closes with "N passed, N failed".

import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import WebDriver from 'webdriver'

const app = required('QUNXUE_APP')
const screenshots = required('SCREENSHOT_DIR')
const port = Number(process.env.WEBDRIVER_PORT ?? 4444)

const FIRST_MODULE = 'm01-concept'
const FIRST_TITLE = '社群运营的概念、意义与类型'
const PRACTICE_MODULE = 'm12-plan-writing'
const CASE_MODULE = 'm17-case-flash-groups'

let passed = 0
let failed = 0

function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} must be set (run through \`cargo xtask test\`)`)
  return value
}

async function check(name, body) {
  try {
    await body()
    passed += 1
    console.log(`ok - ${name}`)
  } catch (error) {
    failed += 1
    console.log(`not ok - ${name}\n  ${String(error?.stack ?? error).replaceAll('\n', '\n  ')}`)
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** Starts the app in a new window; each session is a fresh process.
 *  `args` go to the program (e.g. `--data-dir` for a second machine);
 *  `application` replaces it (a wrapper that sets the environment). */
async function launch(args = [], application = app) {
  return WebDriver.newSession({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    connectionRetryTimeout: 120_000,
    capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
  })
}

/** Polls until `probe` returns a truthy value (the UI loads asynchronously). */
async function waitFor(description, probe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    try {
      last = await probe()
      if (last) return last
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out waiting for ${description} (last: ${last})`)
}

async function find(driver, selector) {
  const ref = await driver.findElement('css selector', selector)
  const id = ref?.['element-6066-11e4-a52e-4f735466cecf']
  if (!id) throw new Error(`no element matches ${selector}`)
  return id
}

async function textOf(driver, selector) {
  return driver.getElementText(await find(driver, selector))
}

/** Waits for the page to stop painting before a screenshot: a shot taken
 *  right after a click can still show the previous screen. */
async function screenshot(driver, name) {
  await new Promise((resolve) => setTimeout(resolve, 600))
  const png = Buffer.from(await driver.takeScreenshot(), 'base64')
  await writeFile(join(screenshots, `${name}.png`), png)
}

async function openModule(driver, moduleId) {
  await driver.elementClick(await find(driver, `a[data-module-id="${moduleId}"]`))
  return waitFor(`module ${moduleId}`, async () => (await driver.getUrl()).includes(moduleId) && textOf(driver, 'main h1'))
}

async function backToOutline(driver) {
  await driver.navigateTo((await driver.getUrl()).replace(/#.*$/, '#/'))
  await waitFor('the outline', () => find(driver, `a[data-module-id="${FIRST_MODULE}"]`))
}

await mkdir(screenshots, { recursive: true })

let driver = await launch()
try {
  await check('the first start asks who uses this computer; one learner goes straight to the course', async () => {
    await waitFor('the first-run question', () => find(driver, '[data-testid="first-run"]'))
    await screenshot(driver, 'first-run')
    await driver.elementClick(await find(driver, '[data-testid="first-run-personal"]'))
    await driver.elementClick(await find(driver, '[data-testid="first-run-submit"]'))
    await waitFor('the question to close', async () => (await driver.findElements('css selector', '[data-testid="first-run"]')).length === 0)
  })

  await check('the outline shows the Chinese course grouped by module kind', async () => {
    const heading = await waitFor('the course title', () => textOf(driver, 'main h1'))
    assert(heading.includes('社群运营实战'), `course title was ${heading}`)
    const body = await textOf(driver, 'main')
    for (const section of ['理论学习', '实操演练', '案例研讨']) {
      assert(body.includes(section), `section ${section} missing`)
    }
    assert(body.includes(FIRST_TITLE), 'first module missing from the outline')
    await screenshot(driver, 'outline')
  })

  await check('opening a module renders its Markdown and records progress', async () => {
    const title = await openModule(driver, FIRST_MODULE)
    assert(title.includes(FIRST_TITLE), `module heading was ${title}`)
    const body = await textOf(driver, '[data-testid="module-body"]')
    assert(body.includes('社群') && body.length > 2000, 'module body is not rendered')
    const tables = await driver.findElements('css selector', '[data-testid="module-body"] table')
    assert(tables.length > 0, 'the module table did not render')
    const status = await textOf(driver, '[data-testid="module-status"]')
    assert(status.includes('学习中'), `status after opening was ${status}`)
    // The module's quiz panel comes from the real backend (front matter → quiz → attempts).
    await waitFor('the module quiz panel', () => find(driver, '[data-testid="module-quizzes"] [data-quiz-id="quiz-m01"]'))
    await screenshot(driver, 'module')
  })

  await check('marking the module completed updates its status', async () => {
    await driver.elementClick(await find(driver, '[data-testid="complete-module"]'))
    await waitFor('the completed status', async () => (await textOf(driver, '[data-testid="module-status"]')).includes('已完成'))
  })

  await check('a practice module and a case module render', async () => {
    await backToOutline(driver)
    const practice = await openModule(driver, PRACTICE_MODULE)
    assert(practice.length > 0, 'practice module has no heading')
    await screenshot(driver, 'module-practice')
    await backToOutline(driver)
    const caseTitle = await openModule(driver, CASE_MODULE)
    assert(caseTitle.includes('案例'), `case heading was ${caseTitle}`)
    await screenshot(driver, 'module-case')
  })
} finally {
  await driver.deleteSession().catch(() => {})
}

// A second process on the same data folder: what was recorded must still be there.
driver = await launch()
try {
  await check('progress survives closing and reopening the app', async () => {
    const summary = await waitFor('the progress summary', () => textOf(driver, '[data-testid="progress-summary"]'))
    assert(/[1-9]/.test(summary), `progress summary after restart was ${summary}`)
    const row = await textOf(driver, `a[data-module-id="${FIRST_MODULE}"]`)
    assert(row.includes('已完成'), `first module row after restart was ${row}`)
    const practiceRow = await textOf(driver, `a[data-module-id="${PRACTICE_MODULE}"]`)
    assert(practiceRow.includes('学习中'), `practice row after restart was ${practiceRow}`)
    await screenshot(driver, 'outline-after-restart')
  })
} finally {
  await driver.deleteSession().catch(() => {})
}

// Feature checks live in checks/*.mjs, each `export default async function (t)`
// with the helpers below; each runs in its own app session, in name order.
const checksDir = join(dirname(fileURLToPath(import.meta.url)), 'checks')
// E2E_ONLY=name1,name2 runs only those check files (quick local re-runs).
const only = process.env.E2E_ONLY?.split(',') ?? null
const checkFiles = (await readdir(checksDir).catch(() => []))
  .filter((f) => f.endsWith('.mjs') && (!only || only.some((o) => f.startsWith(o))))
  .sort()
for (const file of checkFiles) {
  const { default: run } = await import(pathToFileURL(join(checksDir, file)).href)
  driver = await launch()
  const t = {
    driver,
    /** Closes this window and starts the app again with `args`. */
    relaunch: async (args = [], application = app) => {
      await driver.deleteSession().catch(() => {})
      driver = await launch(args, application)
      t.driver = driver
    },
    check,
    assert,
    waitFor,
    find: (selector) => find(driver, selector),
    textOf: (selector) => textOf(driver, selector),
    screenshot: (name) => screenshot(driver, name),
    click: async (selector) => driver.elementClick(await find(driver, selector)),
    // Waits for the first screen: a hash change while the router's first
    // navigation is still pending (its guard asks the backend about recovery)
    // is reverted by vue-router. The app may still be on its first URL, which
    // has no hash yet.
    navigate: async (hashPath) => {
      await waitFor('a screen to show before navigating', () => find(driver, 'main h1'))
      await driver.navigateTo(`${(await driver.getUrl()).replace(/#.*$/, '')}#${hashPath}`)
    },
  }
  try {
    await run(t)
  } catch (error) {
    await check(`${file} ran to the end`, () => Promise.reject(error))
  } finally {
    await driver.deleteSession().catch(() => {})
  }
}

console.log(`desktop e2e: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
