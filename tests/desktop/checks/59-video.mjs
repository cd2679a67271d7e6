// Issue 29 in the real window: course videos play from the loopback media
// server (Linux's webview cannot play the asset protocol), seek to 1:00 and
// show their WebVTT caption there.
// - a two-minute video under 1 MB, which the player may hold whole;
// - a 100 MB one (noise at 7 Mbit/s) with a poster, which it can only seek by
//   asking for a range: the app's and WebKit's processes together must grow
//   by less than 50 MB while it plays and seeks.
// Both are made at test time by GStreamer (`gst-launch-1.0`,
// gstreamer1.0-tools) into a copy of the test pack.
// Screenshots: `video-captions`, `video-poster`, `video-100mb-seeked`.

import { execFileSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useProfile } from '../lib/forms.mjs'
import { machineWith } from '../lib/machine.mjs'
import { appMemory } from '../lib/memory.mjs'
import { scratchDir } from '../lib/scratch.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const COURSE = 'acme.demo'
const LEARNER = '小林'
const CUE = '第六十秒：对照活跃率看这一段'
const BIG_CUE = '第六十秒：大文件也能直接跳到这里'
const VIDEO = '[data-testid="module-body"] video'

function gst(pipeline) {
  execFileSync('gst-launch-1.0', ['-q', ...pipeline.split(' ')])
}

function appendToModule(pack, file, html) {
  const module = join(pack, 'courses/demo/modules', file)
  writeFileSync(module, `${readFileSync(module, 'utf8')}\n${html}\n`)
}


/**
 * The test pack with a 120 s WebM (a moving ball, under 1 MB) in its case
 * module, and a 120 s, 100 MB one (noise) with a poster in its practice
 * module, each with captions.
 */
function packWithVideos() {
  const pack = scratchDir('qunxue-e2e-video-pack-')
  cpSync(join(repo, 'tests/fixtures/packs/good'), pack, { recursive: true })
  const assets = join(pack, 'courses/demo/assets')
  const frames = 'video/x-raw,width=640,height=360,framerate=25/1'
  gst(`videotestsrc num-buffers=3000 pattern=ball ! ${frames} ! vp8enc deadline=1 cpu-used=16 ! webmmux ! filesink location=${join(assets, 'clip.webm')}`)
  gst(
    `videotestsrc num-buffers=3000 pattern=snow ! ${frames} ! vp8enc deadline=1 cpu-used=16 target-bitrate=7000000 end-usage=cbr ! webmmux ! filesink location=${join(assets, 'big.webm')}`,
  )
  gst(`videotestsrc num-buffers=1 pattern=smpte ! video/x-raw,width=640,height=360 ! pngenc ! filesink location=${join(assets, 'big-poster.png')}`)
  const captions = (cue) => `WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n开场\n\n00:01:00.000 --> 00:01:10.000\n${cue}\n`
  writeFileSync(join(assets, 'clip.vtt'), captions(CUE))
  writeFileSync(join(assets, 'big.vtt'), captions(BIG_CUE))
  const track = (name) => `<track kind="captions" src="../assets/${name}.vtt" srclang="zh" label="中文" default>`
  appendToModule(pack, '03-case.md', `<video src="../assets/clip.webm" controls preload="metadata">${track('clip')}</video>`)
  appendToModule(
    pack,
    '02-practice.md',
    `<video src="../assets/big.webm" poster="../assets/big-poster.png" controls preload="none">${track('big')}</video>`,
  )
  return pack
}

/** Plays the module's video, jumps to 1:00 as a learner dragging the bar does, and returns the caption shown there. */
async function seekToOneMinute(t) {
  await t.driver.executeScript(
    `const v = document.querySelector('${VIDEO}');
     v.muted = true;
     v.textTracks[0].mode = 'showing';
     window.__seeked = false;
     v.addEventListener('seeked', () => { window.__seeked = true; v.pause(); });
     v.play().then(() => { v.currentTime = 60.5; }).catch(() => {});`,
    [],
  )
  await t.waitFor(
    'the seek to 60 s',
    () => t.driver.executeScript(`const v = document.querySelector('${VIDEO}'); return window.__seeked && v.currentTime >= 60`, []),
    30_000,
  )
  return t.waitFor(
    'the caption at 60 s',
    () =>
      t.driver.executeScript(
        `const cues = document.querySelector('${VIDEO}').textTracks[0].activeCues;
         return cues && cues.length ? cues[0].text : null`,
        [],
      ),
    10_000,
  )
}

/** Plays on from where the video stands until it has moved a second further. */
async function playsOn(t) {
  await t.driver.executeScript(`window.__from = document.querySelector('${VIDEO}').currentTime; document.querySelector('${VIDEO}').play().catch(() => {})`, [])
  await t.waitFor(
    'playback from there',
    () => t.driver.executeScript(`const v = document.querySelector('${VIDEO}'); return v.currentTime > window.__from + 1 || v.ended`, []),
    30_000,
  )
}

export default async function (t) {
  const { dataDir } = await machineWith(t, { name: 'video', pack: packWithVideos(), people: [{ name: LEARNER, role: 'learner' }] })

  await t.check('a 100 MB video shows its poster, seeks to 1:00 by range, and the app grows by less than 50 MB', async () => {
    // First in a fresh app, so no earlier player's memory blurs the measure.
    await t.waitFor('the first screen', () => t.find('main h1'))
    await useProfile(t, LEARNER)
    await t.navigate(`/courses/${COURSE}/modules/m02-plan`)
    await t.waitFor('the big video', () => t.find(VIDEO))
    await t.driver.executeScript(`document.querySelector('${VIDEO}').scrollIntoView({ block: "center" })`, [])
    const posterLoads = await t.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       const image = new Image();
       image.onload = () => done(image.naturalWidth);
       image.onerror = () => done(0);
       image.src = document.querySelector('${VIDEO}').poster;`,
      [],
    )
    t.assert(posterLoads === 640, `the poster loaded ${posterLoads} px wide`)
    await t.screenshot('video-poster')
    // Nothing is loaded yet (preload="none"): what the app costs from here on
    // is the player's. The page settles first, so its own start-up is not counted.
    await new Promise((done) => setTimeout(done, 3000))
    const before = appMemory(dataDir)
    const cue = await seekToOneMinute(t)
    const seeked = appMemory(dataDir)
    t.assert(cue === BIG_CUE, `the caption was ${cue}`)
    await playsOn(t)
    const played = appMemory(dataDir)
    // The larger of the two samples: while it seeks, and playing on from there.
    const after = seeked.mb > played.mb ? seeked : played
    const growth = after.mb - before.mb
    console.log(`  # app + WebKit RSS ${before.mb.toFixed(0)} MB → ${after.mb.toFixed(0)} MB (${after.names.join(', ')})`)
    t.assert(after.names.some((name) => /WebKit/.test(name)), `WebKit's processes were not counted: ${after.names.join(', ')}`)
    t.assert(growth < 50, `the app grew by ${growth.toFixed(1)} MB while playing a 100 MB video`)
    await t.screenshot('video-100mb-seeked')
  })

  await t.check('a course video plays, seeks to 1:00 with its caption there, and plays on', async () => {
    await t.navigate(`/courses/${COURSE}/modules/m03-case`)
    await t.waitFor('the video', () => t.find(VIDEO))
    await t.waitFor(
      'the video metadata',
      () => t.driver.executeScript(`return document.querySelector('${VIDEO}').readyState >= 1`, []),
      30_000,
    )
    const cue = await seekToOneMinute(t)
    t.assert(cue === CUE, `the caption was ${cue}`)
    await t.driver.executeScript(`document.querySelector('${VIDEO}').scrollIntoView({ block: "center" })`, [])
    await t.screenshot('video-captions')
    await playsOn(t)
    const duration = await t.driver.executeScript(`return document.querySelector('${VIDEO}').duration`, [])
    t.assert(duration >= 119, `the video is ${duration} s long`)
  })
}
