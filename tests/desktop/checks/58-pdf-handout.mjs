// Issue 29 in the real window: a click on a PDF handout in a module opens it
// in the app's own viewer on its first page (pdf.js, the file read by the
// backend under the asset protocol's rules), and the viewer turns pages.
// The test pack's practice module links `assets/handout.pdf` (two pages).
// Screenshot: `pdf-handout`.

import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useProfile } from '../lib/forms.mjs'
import { machineWith } from '../lib/machine.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const PACK = join(repo, 'tests/fixtures/packs/good')
const COURSE = 'acme.demo'
const LEARNER = '小林'

export default async function (t) {
  await machineWith(t, { name: 'pdf', pack: PACK, people: [{ name: LEARNER, role: 'learner' }] })

  await t.check('a PDF in a module opens in the app on its first page and turns pages', async () => {
    await t.waitFor('the first screen', () => t.find('main h1'))
    await useProfile(t, LEARNER)
    await t.navigate(`/courses/${COURSE}/modules/m02-plan`)
    const link = await t.waitFor('the handout link', () => t.find('[data-testid="module-body"] a[href$="handout.pdf"]'))
    await t.driver.elementClick(link)
    await t.waitFor('page 1 drawn', () => t.find('[data-testid="pdf-canvas"][data-rendered-page="1"]'), 20_000)
    const pageLabel = await t.textOf('[data-testid="pdf-page"]')
    t.assert(pageLabel.includes('1') && pageLabel.includes('2'), `the page label was ${pageLabel}`)
    const inked = await t.driver.executeScript(
      `const c = document.querySelector('[data-testid="pdf-canvas"]');
       const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
       let dark = 0;
       for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++;
       return dark;`,
      [],
    )
    t.assert(inked > 100, `the first page has no text drawn (${inked} dark pixels)`)
    await t.screenshot('pdf-handout')
    await t.click('[data-testid="pdf-next"]')
    await t.waitFor('page 2 drawn', () => t.find('[data-testid="pdf-canvas"][data-rendered-page="2"]'), 20_000)
    const url = await t.driver.getUrl()
    t.assert(/^(tauri:\/\/localhost|https?:\/\/tauri\.localhost)/.test(url), `the window left the app: ${url}`)
  })
}
