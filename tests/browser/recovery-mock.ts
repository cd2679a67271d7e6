// A backend that found its database damaged at start-up (recovery_status in
// src-tauri/src/commands/backup.rs), with two backups to restore from. Used by
// backups.spec.ts and the axe walk.
import type { Page } from '@playwright/test'

export async function installDamagedDatabaseMock(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, Record<string, unknown>>
    w.__QUNXUE_EXTRA_HANDLERS__ ??= {}
    const backup = (day: string, reason: string) => ({
      file_name: `qunxue-202611${day}T080000.000Z-${reason}.db`,
      path: `/data/backups/qunxue-202611${day}T080000.000Z-${reason}.db`,
      reason,
      created_at: `2026-11-${day}T08:00:00.000Z`,
      size: 204_800,
    })
    w.__QUNXUE_EXTRA_HANDLERS__.recovery_status = () => ({
      database: '/data/qunxue.db',
      problem: 'database disk image is malformed',
      backups: [backup('30', 'daily'), backup('29', 'pre-import')],
    })
  })
}
