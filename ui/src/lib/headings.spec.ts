import { describe, expect, it } from 'vitest'
import { headingBefore } from './headings'

describe('headingBefore', () => {
  it('finds the heading a node sits under', () => {
    const container = document.createElement('div')
    container.innerHTML =
      '<p id="intro">导语</p><h2 id="qx-一">一</h2><p id="a">甲</p><h2 id="panel">面板</h2><h3 id="qx-二">二</h3><p><b id="b">乙</b></p>'
    document.body.append(container)
    expect(headingBefore(container.querySelector('#intro')!, container)).toBeNull()
    expect(headingBefore(container.querySelector('#a')!.firstChild!, container)).toBe('qx-一')
    expect(headingBefore(container.querySelector('#b')!, container)).toBe('qx-二')
    expect(headingBefore(container.querySelector('#panel')!.firstChild!, container)).toBe('qx-一')
    expect(headingBefore(container.querySelector('#qx-二')!.firstChild!, container)).toBe('qx-二')
    container.remove()
  })
})
