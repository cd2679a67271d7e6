// Browser tests of the built UI (ui/dist) with the Tauri backend mocked.
// Uses Debian's Chromium: Playwright never downloads a browser here.
// Run `npm run build` first; `npm run test:browser` serves ui/dist itself.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync('ui/dist/index.html')) {
  throw new Error('ui/dist is missing: run `npm run build` before `npm run test:browser`.')
}

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'target/playwright-results',
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    colorScheme: 'light',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx vite preview --config ui/vite.config.ts --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
