// The learner's own space in the real window: the profile picker (create a
// profile, switch to it and back), Chinese search with marked results that
// open the module at its heading, and the home screen. The active profile is
// switched back at the end, because later checks read the first profile's
// progress.

export default async function (t) {
  await t.check('profiles can be created and switched in the picker', async () => {
    await t.navigate('/profiles')
    await t.waitFor('the profile cards', () => t.find('[data-testid="profile-card"]'))
    // The header names the active profile in its label (narrow windows show only the avatar).
    const headerLabel = async () => t.driver.getElementAttribute(await t.find('[data-testid="nav-profiles"]'), 'aria-label')
    const original = await headerLabel()
    const originalButton = await t.driver.getElementAttribute(await t.find('.picker__card--active .picker__choose'), 'data-testid')
    await t.click('[data-testid="profile-create"]')
    await t.driver.elementSendKeys(await t.waitFor('the name field', () => t.find('[data-testid="profile-name"]')), '王小丽')
    await t.click('[data-testid="profile-save"]')
    await t.waitFor('the new profile', async () => (await t.textOf('[data-testid="profile-list"]')).includes('王小丽'))
    await t.screenshot('profile-picker')

    // The newest profile is listed last (never used); pick it by its name.
    const cards = await t.driver.findElements('css selector', '[data-testid="profile-card"] .picker__choose')
    let switched = false
    for (const card of cards) {
      const id = card['element-6066-11e4-a52e-4f735466cecf']
      if ((await t.driver.getElementText(id)).includes('王小丽')) {
        await t.driver.elementClick(id)
        switched = true
        break
      }
    }
    t.assert(switched, 'the new profile card was not found')
    const greeting = await t.waitFor('the home greeting', async () => {
      const text = await t.textOf('main h1')
      return text.includes('王小丽') && text
    })
    t.assert(greeting.includes('你好'), `home heading was ${greeting}`)
    await t.waitFor('the header to name the new profile', async () => (await headerLabel()).includes('王小丽'))

    // Back to the first profile, which the later checks rely on.
    await t.navigate('/profiles')
    await t.waitFor('the profile cards', () => t.find('[data-testid="profile-card"]'))
    await t.click(`[data-testid="${originalButton}"]`)
    await t.waitFor('the first profile again', async () => (await headerLabel()) === original)
  })

  await t.check('Chinese search finds modules and opens one at its heading', async () => {
    await t.navigate(`/search?q=${encodeURIComponent('社群 裂变')}`)
    await t.waitFor('search hits', () => t.find('[data-testid="search-hit"]'))
    const marked = await t.textOf('[data-testid="search-hit"] mark')
    t.assert(['社群', '裂变'].includes(marked), `the first marked word was ${marked}`)
    const count = await t.textOf('[data-testid="search-count"]')
    t.assert(/共 \d+ 条/.test(count), `the result count was ${count}`)
    await t.screenshot('search-results')

    await t.click('[data-testid="search-hit"] h2 a')
    await t.waitFor('the module from the hit', async () => (await t.driver.getUrl()).includes('/modules/') && t.find('[data-testid="notes-panel"]'))
  })

  await t.check('two-character and mixed queries find results in the real index', async () => {
    for (const query of ['KOC', 'SOP 社群']) {
      await t.navigate(`/search?q=${encodeURIComponent(query)}`)
      await t.waitFor(`hits for ${query}`, () => t.find('[data-testid="search-hit"]'))
    }
  })

  // Issue #32: the backend's message for a failure is shown in the interface
  // language (Chinese here; screens-en.mjs checks the English).
  await t.check('an error from the backend reads in Chinese', async () => {
    await t.navigate('/courses/qunxue.community-ops/modules/no-such-module')
    const detail = await t.waitFor('the error detail', () => t.textOf('.error__detail'))
    t.assert(detail.includes('找不到课程 qunxue.community-ops 的模块 no-such-module'), `the error read: ${detail}`)
    t.assert(!/not found/.test(detail), `the Chinese error has English in it: ${detail}`)
    await t.screenshot('error')
  })

  await t.check('the home screen shows where to continue and course progress', async () => {
    await t.navigate('/my')
    await t.waitFor('the continue card', () => t.find('[data-testid="home-continue"]'))
    const course = await t.waitFor('course progress', () => t.textOf('[data-testid="home-course"]'))
    t.assert(course.includes('社群运营实战'), `course progress was ${course}`)
    await t.screenshot('home')
  })
}
