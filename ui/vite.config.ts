// Vite + Vitest for the Vue front end. Vite's root is ui/, so paths below are
// relative to this folder. Tauri loads ui/dist (tauri.conf.json:
// build.frontendDist = "../ui/dist") and, in dev, http://localhost:1420.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { echartsUnderFrozenPrototype } from './build/frozenPrototype'

const uiRoot = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: uiRoot,
  // Relative asset URLs work from tauri://localhost, file:// and vite preview.
  base: './',
  // Keep Vite's and Vitest's caches in the root node_modules, not ui/.
  cacheDir: '../node_modules/.vite',
  // Tauri freezes Object.prototype; see build/frozenPrototype.ts.
  plugins: [vue(), echartsUnderFrozenPrototype()],
  define: {
    // vue-i18n feature flags: Composition API only, no devtools hooks in builds.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  // Tauri's CLI prints its own output; keep Vite's visible beside it.
  clearScreen: false,
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  // Fixed port: tauri.conf.json's build.devUrl points at it.
  server: {
    port: 1420,
    strictPort: true,
  },
  preview: {
    port: 4173,
    strictPort: true,
    host: '127.0.0.1',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The WebKitGTK / WebView2 engines Tauri 2 supports all handle ES2021.
    target: ['es2021', 'chrome105', 'safari15'],
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
    // Let '?raw' CSS imports through (the tokens contrast test reads tokens.css).
    css: { include: [/tokens\.css/] },
  },
})
