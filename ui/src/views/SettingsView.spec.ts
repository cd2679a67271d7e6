import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import SettingsView from './SettingsView.vue'
import { mountScreen } from '../test/mount'
import { resetScreenState } from '../lib/screen'
import { storedLocale, storedTextSize, storedTheme } from '../lib/preferences'

beforeEach(() => {
  resetScreenState()
  // The first screen reports ui_ready; nothing else is called.
  mockIPC(() => null)
  window.localStorage.clear()
})

afterEach(() => {
  clearMocks()
  delete document.documentElement.dataset.theme
  document.documentElement.lang = ''
})

describe('SettingsView', () => {
  it('switches the interface to English, and remembers it', async () => {
    const { wrapper } = await mountScreen(SettingsView, {}, '/settings')
    expect(wrapper.get('h1').text()).toBe('设置')
    expect((wrapper.get('[data-testid="settings-locale-zh-CN"]').element as HTMLInputElement).checked).toBe(true)

    await wrapper.get('[data-testid="settings-locale-en"]').setValue(true)

    expect(wrapper.get('h1').text()).toBe('Settings')
    expect(document.documentElement.lang).toBe('en')
    expect(storedLocale()).toBe('en')
  })

  it('applies and stores the chosen theme', async () => {
    const { wrapper } = await mountScreen(SettingsView, {}, '/settings')
    expect((wrapper.get('[data-testid="settings-theme-system"]').element as HTMLInputElement).checked).toBe(true)

    await wrapper.get('[data-testid="settings-theme-dark"]').setValue(true)
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(storedTheme()).toBe('dark')

    await wrapper.get('[data-testid="settings-theme-light"]').setValue(true)
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(storedTheme()).toBe('light')
  })

  it('ignores stored values that are not ours', () => {
    window.localStorage.setItem('qunxue.theme', 'sepia')
    expect(storedTheme()).toBe('system')
  })

  it('applies and stores the chosen text size', async () => {
    const { wrapper } = await mountScreen(SettingsView, {}, '/settings')
    expect((wrapper.get('[data-testid="settings-text-size-100"]').element as HTMLInputElement).checked).toBe(true)

    await wrapper.get('[data-testid="settings-text-size-130"]').setValue(true)
    expect(document.documentElement.style.getPropertyValue('--text-zoom')).toBe('1.3')
    expect(storedTextSize()).toBe(130)

    await wrapper.get('[data-testid="settings-text-size-100"]').setValue(true)
    expect(document.documentElement.style.getPropertyValue('--text-zoom')).toBe('')
  })
})
