import { afterEach, describe, expect, it, vi } from 'vitest'
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks'
import { applyZoom } from './zoom'

const root = document.documentElement

afterEach(() => {
  clearMocks()
  vi.unstubAllGlobals()
  root.style.removeProperty('--text-zoom')
})

describe('applyZoom', () => {
  it('outside the desktop app zooms <html> with CSS, and 100% takes the zoom off', async () => {
    await applyZoom(115)
    expect(root.style.getPropertyValue('--text-zoom')).toBe('1.15')
    expect(root.dataset.textSize).toBe('115')
    await applyZoom(100)
    expect(root.style.getPropertyValue('--text-zoom')).toBe('')
  })

  it('in the desktop app zooms the webview instead', async () => {
    vi.stubGlobal('isTauri', true)
    const calls: { cmd: string; args: unknown }[] = []
    mockIPC((cmd, args) => {
      calls.push({ cmd, args })
      return null
    })
    mockWindows('main')
    await applyZoom(130)
    expect(calls).toEqual([{ cmd: 'plugin:webview|set_webview_zoom', args: { label: 'main', value: 1.3 } }])
    expect(root.style.getPropertyValue('--text-zoom')).toBe('')
  })

  it('falls back to CSS when the webview refuses', async () => {
    vi.stubGlobal('isTauri', true)
    vi.spyOn(console, 'error').mockImplementation(() => {})
    mockIPC(() => {
      throw new Error('not allowed')
    })
    await applyZoom(150)
    expect(root.style.getPropertyValue('--text-zoom')).toBe('1.5')
  })
})
