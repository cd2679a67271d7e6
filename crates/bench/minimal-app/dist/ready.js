// After the first paint, as the app's first screen does (ui/src/lib/screen.ts).
requestAnimationFrame(() => {
  window.__TAURI__.core.invoke('ready')
})
