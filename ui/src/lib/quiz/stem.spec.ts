import { describe, expect, it } from 'vitest'
import { markBlanks } from './stem'

const label = (n: number) => `第 ${n} 空`

describe('markBlanks', () => {
  it('numbers each blank marker in the text', () => {
    expect(markBlanks('<p>由____流量运营负责留下来、______。</p>', label)).toBe(
      '<p>由<span class="quiz-blank">第 1 空</span>流量运营负责留下来、<span class="quiz-blank">第 2 空</span>。</p>',
    )
  })

  it('never touches markup, and escapes the label', () => {
    expect(markBlanks('<a title="a____b">x</a>', label)).toBe('<a title="a____b">x</a>')
    expect(markBlanks('<p>____</p>', () => '<b>&</b>')).toBe('<p><span class="quiz-blank">&#60;b&#62;&#38;&#60;/b&#62;</span></p>')
  })

  it('leaves short underscores alone', () => {
    expect(markBlanks('<p>snake_case __init__</p>', label)).toBe('<p>snake_case __init__</p>')
  })
})
