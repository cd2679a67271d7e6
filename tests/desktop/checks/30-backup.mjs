// Issue 9's backups in the real window: Settings lists the automatic backups
// the app made at start-up (daily, and before installing the bundled
// curriculum), "back up now" adds a manual one that appears in the list with
// its date and size, and the panel is captured as `settings-backups`.

async function rowCount(t) {
  return (await t.driver.findElements('css selector', '[data-testid="backup-row"]')).length
}

export default async function (t) {
  await t.check('Settings lists the automatic backups and makes one on demand', async () => {
    await t.waitFor('the outline', () => t.find('main h1'))
    await t.navigate('/settings')
    await t.waitFor('the backup panel', () => t.find('[data-testid="backup-settings"]'))
    // The first start of the day backs up automatically.
    const before = await t.waitFor('the automatic backups', async () => (await rowCount(t)) || null)
    await t.click('[data-testid="backup-create"]')
    const after = await t.waitFor('the new backup in the list', async () => {
      const n = await rowCount(t)
      return n > before ? n : null
    })
    t.assert(after === before + 1, `expected ${before + 1} backups, found ${after}`)
    const list = await t.textOf('[data-testid="backup-list"]')
    t.assert(list.includes('手动'), `the manual backup is not labelled: ${list}`)
    t.assert(/\d\s*(KB|kB|千字节)/.test(list), `no size shown: ${list}`)
    // Scroll the panel into view for the screenshot.
    await t.driver.executeScript(
      'document.querySelector(\'[data-testid="backup-settings"]\').scrollIntoView({ block: "start" })',
      [],
    )
    await t.screenshot('settings-backups')
  })
}
