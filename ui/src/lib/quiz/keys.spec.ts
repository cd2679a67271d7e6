import { describe, expect, it } from 'vitest'
import { quizKeyAction, type QuizKeyEvent } from './keys'

function element(html: string): HTMLElement {
  const host = document.createElement('div')
  host.innerHTML = html
  return host.firstElementChild as HTMLElement
}

function press(key: string, target: EventTarget | null = document.body, extra: Partial<QuizKeyEvent> = {}) {
  return quizKeyAction({ key, altKey: false, ctrlKey: false, metaKey: false, target, ...extra })
}

describe('quizKeyAction', () => {
  it('← → move between questions, 1–9 pick an option, Enter goes on', () => {
    expect(press('ArrowLeft')).toEqual({ type: 'previous' })
    expect(press('ArrowRight')).toEqual({ type: 'next' })
    expect(press('1')).toEqual({ type: 'pick', index: 0 })
    expect(press('9')).toEqual({ type: 'pick', index: 8 })
    expect(press('Enter')).toEqual({ type: 'next' })
  })

  it('ignores other keys, 0, and any key with a modifier', () => {
    expect(press('0')).toBeNull()
    expect(press('a')).toBeNull()
    expect(press('ArrowUp')).toBeNull()
    expect(press('ArrowRight', document.body, { altKey: true })).toBeNull()
    expect(press('2', document.body, { ctrlKey: true })).toBeNull()
    expect(press('ArrowLeft', document.body, { metaKey: true })).toBeNull()
  })

  it('works from a focused radio or checkbox (↑ ↓ stay with the group)', () => {
    const radio = element('<input type="radio">')
    expect(press('ArrowRight', radio)).toEqual({ type: 'next' })
    expect(press('3', element('<input type="checkbox">'))).toEqual({ type: 'pick', index: 2 })
    expect(press('Enter', radio)).toEqual({ type: 'next' })
    expect(press('ArrowDown', radio)).toBeNull()
  })

  it('lets text fields keep their keys, except Enter which goes on', () => {
    for (const html of ['<input type="text">', '<input>', '<input type="number">']) {
      const input = element(html)
      expect(press('ArrowLeft', input)).toBeNull()
      expect(press('5', input)).toBeNull()
      expect(press('Enter', input)).toEqual({ type: 'next' })
    }
  })

  it('never takes Enter while an input method is composing', () => {
    expect(press('Enter', element('<input type="text">'), { isComposing: true })).toBeNull()
  })

  it('leaves text areas and drop-downs completely alone', () => {
    for (const html of ['<textarea></textarea>', '<select></select>']) {
      const target = element(html)
      expect(press('Enter', target)).toBeNull()
      expect(press('ArrowRight', target)).toBeNull()
      expect(press('2', target)).toBeNull()
    }
  })

  it('leaves Enter to buttons and links, but still moves with the arrows', () => {
    const button = element('<button type="button">下一题</button>')
    expect(press('Enter', button)).toBeNull()
    expect(press('Enter', element('<a href="#">x</a>'))).toBeNull()
    expect(press('ArrowLeft', button)).toEqual({ type: 'previous' })
  })
})
