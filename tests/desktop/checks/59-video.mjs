// Issue 29 in the real window: a two-minute video in a module plays from the
// loopback media server (Linux's webview cannot play the asset protocol),
// seeks to 1:00, shows its WebVTT caption there and plays on. The video is
// made at test time by GStreamer (`gst-launch-1.0`, gstreamer1.0-tools) into
// a copy of the test pack. Screenshot: `video-captions`.
//
// Not yet: a 100 MB video (noise at 7 Mbit/s) plays but does not seek — the
// player makes one request and never asks for a range (issue 29 stays open).

import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useProfile } from '../lib/forms.mjs'
import { machineWith } from '../lib/machine.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const COURSE = 'acme.demo'
const LEARNER = '小林'
const CUE = '第六十秒：对照活跃率看这一段'


/** The test pack with a 120 s WebM (a moving ball, under 1 MB) and its captions in its case module. */
function packWithVideo() {
  const pack = mkdtempSync(join(tmpdir(), 'qunxue-e2e-video-pack-'))
  cpSync(join(repo, 'tests/fixtures/packs/good'), pack, { recursive: true })
  const assets = join(pack, 'courses/demo/assets')
  execFileSync('gst-launch-1.0', [
    '-q', 'videotestsrc', 'num-buffers=3000', 'pattern=ball', '!',
    'video/x-raw,width=640,height=360,framerate=25/1', '!',
    'vp8enc', 'deadline=1', 'cpu-used=16', '!',
    'webmmux', '!', 'filesink', `location=${join(assets, 'clip.webm')}`,
  ])
  writeFileSync(
    join(assets, 'clip.vtt'),
    `WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n开场\n\n00:01:00.000 --> 00:01:10.000\n${CUE}\n`,
  )
  const module = join(pack, 'courses/demo/modules/03-case.md')
  writeFileSync(
    module,
    `${readFileSync(module, 'utf8')}\n<video src="../assets/clip.webm" controls preload="metadata"><track kind="captions" src="../assets/clip.vtt" srclang="zh" label="中文" default></video>\n`,
  )
  return pack
}

export default async function (t) {
  await machineWith(t, { name: 'video', pack: packWithVideo(), people: [{ name: LEARNER, role: 'learner' }] })

  await t.check('a course video plays, seeks to 1:00 with its caption there, and plays on', async () => {
    await t.waitFor('the first screen', () => t.find('main h1'))
    await useProfile(t, LEARNER)
    await t.navigate(`/courses/${COURSE}/modules/m03-case`)
    await t.waitFor('the video', () => t.find('[data-testid="module-body"] video'))
    await t.waitFor(
      'the video metadata',
      () => t.driver.executeScript('return document.querySelector(\'[data-testid="module-body"] video\').readyState >= 1', []),
      30_000,
    )
    // Play, then jump to 1:00 as a learner dragging the bar does.
    await t.driver.executeScript(
      `const v = document.querySelector('[data-testid="module-body"] video');
       v.muted = true;
       v.textTracks[0].mode = 'showing';
       window.__seeked = false;
       v.addEventListener('seeked', () => { window.__seeked = true; v.pause(); });
       v.play().then(() => { v.currentTime = 60.5; }).catch(() => {});`,
      [],
    )
    await t.waitFor(
      'the seek to 60 s',
      () =>
        t.driver.executeScript(
          'const v = document.querySelector(\'[data-testid="module-body"] video\'); return window.__seeked && v.currentTime >= 60',
          [],
        ),
      30_000,
    )
    const cue = await t.waitFor(
      'the caption at 60 s',
      () =>
        t.driver.executeScript(
          `const cues = document.querySelector('[data-testid="module-body"] video').textTracks[0].activeCues;
           return cues && cues.length ? cues[0].text : null`,
          [],
        ),
      10_000,
    )
    t.assert(cue === CUE, `the caption was ${cue}`)
    await t.driver.executeScript('document.querySelector(\'[data-testid="module-body"] video\').scrollIntoView({ block: "center" })', [])
    await t.screenshot('video-captions')
    // And it plays on from there.
    await t.driver.executeScript('document.querySelector(\'[data-testid="module-body"] video\').play().catch(() => {})', [])
    await t.waitFor(
      'playback from 60 s',
      () =>
        t.driver.executeScript(
          'const v = document.querySelector(\'[data-testid="module-body"] video\'); return v.currentTime > 61 || v.ended',
          [],
        ),
      30_000,
    )
    const duration = await t.driver.executeScript('return document.querySelector(\'[data-testid="module-body"] video\').duration', [])
    t.assert(duration >= 119, `the video is ${duration} s long`)
  })
}
