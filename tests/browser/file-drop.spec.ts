// Files from outside the window, against the built UI with the backend mocked:
// a pack dragged onto the library shows the drop target and, dropped, goes
// through the import dialog's usual check, import and outcome; a screen that
// imports nothing ignores a drop; a pack opened with the app (the shell's
// `qunxue://open-path` event) opens the library's import; a bundle dropped on
// the teaching workbench, where two panels take a .zip, asks which is meant.
import { expect, test, type Page } from '@playwright/test'
import { argsSent, commandsSent, emitEvent, installTauriMock, releaseImport } from './tauri-mock'
import { installTasksMock } from './tasks-mock'
import { installBundlesMock } from './bundles-mock'
import { communityOps } from './fixtures/community-ops'
import { PACK_PATHS, packs, retailService } from './fixtures/packs'
import { welcomeTask } from '../../ui/src/test/taskFixtures'

const at = { x: 400, y: 300 }

/** Plays the webview's drag events for `paths`: in, over, then dropped. */
async function drop(page: Page, paths: string[]): Promise<void> {
  await emitEvent(page, 'tauri://drag-enter', { paths, position: at })
  await emitEvent(page, 'tauri://drag-over', { position: at })
  await emitEvent(page, 'tauri://drag-drop', { paths, position: at })
}

test('a pack dropped on the library is checked, imported and reported like a picked one', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps, retailService], packs })
  await page.goto('/#/library')
  await expect(page.getByRole('heading', { level: 1, name: '课程库' })).toBeVisible()

  await emitEvent(page, 'tauri://drag-enter', { paths: [PACK_PATHS.update], position: at })
  const overlay = page.getByTestId('drop-overlay')
  await expect(overlay).toContainText('松开鼠标即可导入')
  await expect(overlay).toContainText('导入课程包')
  await emitEvent(page, 'tauri://drag-leave', {})
  await expect(overlay).toBeHidden()

  await drop(page, [PACK_PATHS.update])
  await expect(overlay).toBeHidden()
  const dialog = page.getByRole('dialog', { name: '导入课程包' })
  await expect(dialog.getByTestId('pack-source')).toContainText(PACK_PATHS.update)
  await expect(dialog.getByTestId('check-status')).toHaveText('检查通过，没有发现问题。')
  await dialog.getByRole('button', { name: '导入', exact: true }).click()
  // The fixture holds the import halfway until released.
  await expect(dialog.getByTestId('import-progress')).toHaveAttribute('data-stage', 'copying')
  await releaseImport(page)
  await expect(dialog.getByTestId('import-outcome-text')).toHaveText('已更新到 v1.1.0，学习进度已保留')
  expect((await argsSent(page, 'import_pack')).map((args) => args.path)).toEqual([PACK_PATHS.update])
})

test('a screen that imports nothing ignores a drop', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps], packs })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '社群运营实战' })).toBeVisible()
  await emitEvent(page, 'tauri://drag-enter', { paths: [PACK_PATHS.update], position: at })
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0)
  await emitEvent(page, 'tauri://drag-drop', { paths: [PACK_PATHS.update], position: at })
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await commandsSent(page)).not.toContain('validate_pack')
})

test('a pack opened with the app opens the library and checks it', async ({ page }) => {
  await installTauriMock(page, { courses: [communityOps, retailService], packs })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '社群运营实战' })).toBeVisible()

  await emitEvent(page, 'qunxue://open-path', { path: PACK_PATHS.update })
  await expect(page.getByRole('heading', { level: 1, name: '课程库' })).toBeVisible()
  const dialog = page.getByRole('dialog', { name: '导入课程包' })
  await expect(dialog.getByTestId('check-status')).toHaveText('检查通过，没有发现问题。')
  expect(await argsSent(page, 'validate_pack')).toEqual([{ path: PACK_PATHS.update }])
})

test('a bundle dropped on the teaching workbench asks which import is meant', async ({ page }) => {
  const task = { ...welcomeTask, courseId: communityOps.id }
  const bundle = '/usb/作业包-林小雨.zip'
  await installTauriMock(page, { courses: [communityOps] })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
  await installBundlesMock(page, {
    bundles: { [bundle]: { kind: 'submissions', bundleId: 's-1', signerName: '林小雨', fingerprint: 'AB12', added: 2 } },
    saves: [],
    queue: [{ versionId: 'v-1', taskId: task.id, taskTitle: task.title, learnerName: '林小雨' }],
    doubleMarked: [],
  })
  await page.goto('/#/teach/tasks')
  await expect(page.getByTestId('queue-row')).toHaveCount(1)

  await emitEvent(page, 'tauri://drag-enter', { paths: [bundle], position: at })
  await expect(page.getByTestId('drop-overlay')).toContainText('导入学员作业包')
  await expect(page.getByTestId('drop-overlay')).toContainText('导入学习记录包')
  await emitEvent(page, 'tauri://drag-drop', { paths: [bundle], position: at })

  const choice = page.getByRole('dialog', { name: '要怎样导入这个文件？' })
  await expect(choice).toContainText(bundle)
  await choice.getByRole('button', { name: '导入学员作业包' }).click()
  await expect(choice).toBeHidden()
  await expect(page.getByTestId('bundle-exchange').getByTestId('bundle-outcome')).toHaveText('已导入「林小雨」的 2 份作业。')
  expect(await argsSent(page, 'bundle_import_submissions')).toEqual([{ path: bundle }])
  expect(await commandsSent(page)).not.toContain('records_import')
})
