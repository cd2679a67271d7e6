// Course video and audio on a platform whose webview cannot play them from the
// asset protocol (Linux: WebKitGTK hands media URLs to GStreamer): their
// sources are pointed at the loopback media server, which serves the same
// files by the same rules. Captions (<track>) are read by the webview itself
// and stay where they are.

const ASSET_URL = /^(?:qxasset:\/\/localhost|http:\/\/qxasset\.localhost)(\/.*)$/i

/** Rewrites the media sources inside `container` to `base` (`http://127.0.0.1:<port>/<token>`). */
export function routeMedia(container: HTMLElement, base: string): void {
  for (const media of container.querySelectorAll<HTMLMediaElement>('video, audio')) {
    let changed = false
    for (const element of [media, ...media.querySelectorAll<HTMLSourceElement>('source')]) {
      const match = ASSET_URL.exec(element.getAttribute('src') ?? '')
      if (match) {
        element.setAttribute('src', `${base}${match[1]}`)
        changed = true
      }
    }
    if (changed) media.load()
  }
}
