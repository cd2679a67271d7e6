import { describe, expect, it } from 'vitest'
import { globalShortcut, zoomShortcut } from './shortcuts'

function press(key: string, target: HTMLElement, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init })
  Object.defineProperty(event, 'target', { value: target })
  return event
}

describe('globalShortcut', () => {
  const body = document.body

  it('opens help with ? and search with /', () => {
    expect(globalShortcut(press('?', body, { shiftKey: true }))).toBe('help')
    expect(globalShortcut(press('/', body))).toBe('search')
  })

  it('leaves the keys alone while typing or with a modifier', () => {
    const input = document.createElement('input')
    const area = document.createElement('textarea')
    expect(globalShortcut(press('?', input))).toBeNull()
    expect(globalShortcut(press('/', area))).toBeNull()
    expect(globalShortcut(press('/', body, { ctrlKey: true }))).toBeNull()
    expect(globalShortcut(press('a', body))).toBeNull()
  })
})

describe('zoomShortcut', () => {
  const body = document.body

  it('reads Ctrl or ⌘ with = + - 0, even in a text box', () => {
    const input = document.createElement('input')
    expect(zoomShortcut(press('=', body, { ctrlKey: true }))).toBe('larger')
    expect(zoomShortcut(press('+', body, { ctrlKey: true, shiftKey: true }))).toBe('larger')
    expect(zoomShortcut(press('-', input, { ctrlKey: true }))).toBe('smaller')
    expect(zoomShortcut(press('0', body, { metaKey: true }))).toBe('reset')
  })

  it('leaves the keys alone without the modifier, or with Alt', () => {
    expect(zoomShortcut(press('=', body))).toBeNull()
    expect(zoomShortcut(press('-', body, { ctrlKey: true, altKey: true }))).toBeNull()
    expect(zoomShortcut(press('s', body, { ctrlKey: true }))).toBeNull()
  })
})
