import { describe, expect, it, vi } from 'vitest'
import { routeMedia } from './media'

describe('routeMedia', () => {
  it('points course video and audio sources at the media server and leaves the rest', () => {
    const container = document.createElement('div')
    container.innerHTML =
      '<video src="qxasset://localhost/c1/modules/../assets/clip.webm"><track src="qxasset://localhost/c1/assets/clip.vtt"></video>' +
      '<audio><source src="http://qxasset.localhost/c1/assets/talk.mp3"></audio>' +
      '<video src="https://example.com/remote.mp4"></video>' +
      '<img src="qxasset://localhost/c1/assets/figure.png">'
    const load = vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {})
    routeMedia(container, 'http://127.0.0.1:4321/token')
    expect(container.querySelector('video')?.getAttribute('src')).toBe('http://127.0.0.1:4321/token/c1/modules/../assets/clip.webm')
    expect(container.querySelector('track')?.getAttribute('src')).toBe('qxasset://localhost/c1/assets/clip.vtt')
    expect(container.querySelector('source')?.getAttribute('src')).toBe('http://127.0.0.1:4321/token/c1/assets/talk.mp3')
    expect(container.querySelectorAll('video')[1].getAttribute('src')).toBe('https://example.com/remote.mp4')
    expect(container.querySelector('img')?.getAttribute('src')).toBe('qxasset://localhost/c1/assets/figure.png')
    expect(load).toHaveBeenCalledTimes(2)
  })
})
