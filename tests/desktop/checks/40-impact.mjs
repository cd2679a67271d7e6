// Issue 8 in the real window: an instructor sets up a business-impact study
// (course metric templates, trained and control stores, windows, ROI
// inputs), imports a CSV with Chinese headers picked in the native file
// dialog (the column-mapping preview suggests every column), and opens the
// three-level report with its conclusions and charts.
// The active profile is made an instructor through the hidden, test-only
// `qunxue tasks-seed --active-role`, and handed back as a learner at the end,
// so the checks after this one start as before. Screenshots:
// `impact-setup`, `impact-import-mapping`, `impact-report`.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pickInNativeDialog } from '../lib/native-dialog.mjs'
import { setActiveRole } from '../lib/roles.mjs'
import { scratchDir } from '../lib/scratch.mjs'

const DIALOG_TITLE = '选择业务数据文件'

/** Six trained stores whose active rate and sales rise, five control stores that stay about flat. */
function dataCsv() {
  const lines = ['门店,组别,指标,时期,数值']
  for (let i = 0; i < 6; i++) {
    const store = `训练${String(i + 1).padStart(2, '0')}店`
    lines.push(`${store},训练组,active_rate,培训前,${(15 + i * 0.8).toFixed(1)}`)
    lines.push(`${store},训练组,active_rate,培训后,${(21 + i * 0.7 + (i % 3) * 0.9).toFixed(1)}`)
    lines.push(`${store},训练组,sales,培训前,${80000 + i * 3500}`)
    lines.push(`${store},训练组,sales,培训后,${91000 + i * 3700 + (i % 2) * 1200}`)
  }
  for (let i = 0; i < 5; i++) {
    const store = `对照${String(i + 1).padStart(2, '0')}店`
    lines.push(`${store},对照组,active_rate,培训前,${(15.5 + i * 0.6).toFixed(1)}`)
    lines.push(`${store},对照组,active_rate,培训后,${(15.7 + i * 0.6 + ((i % 3) - 1) * 0.4).toFixed(1)}`)
    lines.push(`${store},对照组,sales,培训前,${82000 + i * 3000}`)
    lines.push(`${store},对照组,sales,培训后,${82500 + i * 3000 + ((i % 2) - 0.5) * 800}`)
  }
  const path = join(scratchDir('qunxue-e2e-'), '门店数据.csv')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

/** Sets a form control's value the way typing would, so Vue's v-model hears it. */
async function setValue(t, selector, value) {
  await t.driver.executeScript(
    `const el = document.querySelector(arguments[0]);
     if (!el) throw new Error('no element matches ' + arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [selector, value],
  )
}

export default async function (t) {
  setActiveRole('instructor')
  try {
    let studyUrl = ''
    await t.check('an instructor sets up a study from the course metric templates', async () => {
      await t.waitFor('the outline', () => t.find('main h1'))
      await t.navigate('/teach/impact')
      await t.click('[data-testid="study-new"]')
      const form = '[data-testid="study-setup"]'
      await t.waitFor('the set-up form with the metric templates', () => t.find(`${form} input[type="checkbox"][value="active_rate"]`))
      await setValue(t, `${form} input:not([type])`, '华东门店社群运营培训（一期）')
      const selects = await t.driver.findElements('css selector', `${form} > label > select`)
      t.assert(selects.length >= 2, 'the course and unit selects are missing')
      await t.driver.executeScript(
        `const s = document.querySelectorAll(arguments[0] + ' > label > select')[1];
         s.value = 'store'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
        [form],
      )
      const dates = ['2026-01-05', '2026-02-01', '2026-03-02', '2026-03-29']
      const dateInputs = await t.driver.findElements('css selector', `${form} input[type="date"]`)
      t.assert(dateInputs.length === 4, `expected 4 date fields, found ${dateInputs.length}`)
      for (const [i, date] of dates.entries()) {
        await t.driver.executeScript(
          `const d = document.querySelectorAll(arguments[0] + ' input[type="date"]')[arguments[1]];
           d.value = arguments[2]; d.dispatchEvent(new Event('input', { bubbles: true }));`,
          [form, i, date],
        )
      }
      // Every template starts ticked; keep the two metrics the data file has.
      await t.driver.executeScript(
        `for (const box of document.querySelectorAll(arguments[0] + ' input[type="checkbox"]')) {
           if (box.checked !== ['active_rate', 'sales'].includes(box.value)) box.click()
         }`,
        [form],
      )
      const treatment = Array.from({ length: 6 }, (_, i) => `训练${String(i + 1).padStart(2, '0')}店`).join('\n')
      const control = Array.from({ length: 5 }, (_, i) => `对照${String(i + 1).padStart(2, '0')}店`).join('\n')
      await t.driver.executeScript(
        `const [a, b] = document.querySelectorAll(arguments[0] + ' textarea');
         a.value = arguments[1]; a.dispatchEvent(new Event('input', { bubbles: true }));
         b.value = arguments[2]; b.dispatchEvent(new Event('input', { bubbles: true }));
         const [cost, benefit] = document.querySelectorAll(arguments[0] + ' input[type="number"]');
         cost.value = '48000'; cost.dispatchEvent(new Event('input', { bubbles: true }));
         benefit.value = '126000'; benefit.dispatchEvent(new Event('input', { bubbles: true }));`,
        [form, treatment, control],
      )
      await t.screenshot('impact-setup')
      await t.click(`${form} button[type="submit"]`)
      await t.waitFor('the new study', async () => {
        const refused = await t.driver.findElements('css selector', `${form} [role="alert"]`)
        if (refused.length > 0) throw new Error(`the study was refused: ${await t.textOf(`${form} [role="alert"]`)}`)
        return (await t.driver.getUrl()).includes('/teach/impact/') && t.find('[data-testid="import-pick"]')
      })
      studyUrl = await t.driver.getUrl()
      t.assert((await t.textOf('main h1')).includes('华东门店社群运营培训'), 'the study heading is missing')
    })

    await t.check('a CSV picked in the native dialog shows the column-mapping preview, then imports', async () => {
      t.assert(studyUrl, 'no study was set up')
      const csv = dataCsv()
      const shown = await pickInNativeDialog(t, {
        title: DIALOG_TITLE,
        path: csv,
        open: () => t.click('[data-testid="import-pick"]'),
        done: () => t.find('[data-testid="import-mapping"]'),
      })
      t.assert(shown, 'the mapping preview never appeared after picking the CSV')
      // Every column was recognised from its Chinese header.
      const mapped = await t.driver.executeScript(
        `return Array.from(document.querySelectorAll('[data-testid="import-mapping"] select'))
           .map((s) => s.dataset.field + '=' + s.options[s.selectedIndex]?.text)`,
        [],
      )
      t.assert(
        ['learner=门店', 'group=组别', 'metric=指标', 'period=时期', 'value=数值'].every((m) => mapped.includes(m)),
        `suggested mapping was ${mapped}`,
      )
      const preview = await t.textOf('[data-testid="import-panel"]')
      t.assert(preview.includes('训练01店') && preview.includes('培训前'), 'the preview rows are missing')
      await t.screenshot('impact-import-mapping')
      await t.click('[data-testid="import-run"]')
      await t.waitFor('the imported values', async () => (await t.textOf('[data-testid="study-values"]')).includes('44'))
    })

    await t.check('the three-level report shows conclusions and charts', async () => {
      await t.click('[data-testid="tab-report"]')
      await t.waitFor('the conclusions', () => t.find('[data-testid="report-conclusions"] li'))
      const conclusions = await t.textOf('[data-testid="report-conclusions"]')
      t.assert(conclusions.includes('活跃率'), `conclusions were: ${conclusions}`)
      t.assert(conclusions.includes('ROI'), `the ROI conclusion is missing: ${conclusions}`)
      await t.waitFor('a drawn chart', async () => {
        const canvases = await t.driver.findElements('css selector', '[data-testid="report-panel"] canvas, [data-testid="report-panel"] svg')
        return canvases.length > 0
      })
      await t.screenshot('impact-report')
    })
  } finally {
    setActiveRole('learner')
  }
}
