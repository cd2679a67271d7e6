import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'

beforeEach(() => {
  vi.resetModules()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => clearMocks())

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('prepareSearch', () => {
  it('asks the backend once per session, however often the box gets focus', async () => {
    const { prepareSearch } = await import('./search')
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      return null
    })
    prepareSearch()
    prepareSearch()
    await settle()
    prepareSearch()
    await settle()
    expect(calls).toEqual(['prepare_search'])
  })

  it('asks again after a failure, and the failure does not escape', async () => {
    const { prepareSearch } = await import('./search')
    let fail = true
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      if (fail) throw { kind: 'internal', message: 'busy' }
      return null
    })
    prepareSearch()
    await settle()
    fail = false
    prepareSearch()
    await settle()
    prepareSearch()
    await settle()
    expect(calls).toEqual(['prepare_search', 'prepare_search'])
  })
})
