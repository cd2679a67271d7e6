// The memory a running app costs: the resident set of the app's process and
// of every process it started (WebKit's web and network processes, where the
// page and GStreamer's player live), read from /proc. The app is found by
// its command line, which holds the data folder the check gave it.

import { readFileSync, readdirSync } from 'node:fs'

function processes() {
  const all = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      // The parent pid is the fourth field of /proc/<pid>/stat, after "(comm)".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      all.push({ pid: Number(entry), ppid, cmdline })
    } catch {
      // The process ended while we looked.
    }
  }
  return all
}

function residentKb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
    return line ? Number(line.replace(/\D+/g, '')) : 0
  } catch {
    return 0
  }
}

/** The app started on `dataDir` and all its descendants: their pids and summed RSS in MB. */
export function appMemory(dataDir) {
  const all = processes()
  const app = all.find((p) => p.cmdline.includes(dataDir) && !p.cmdline[0].includes('node'))
  if (!app) throw new Error(`no app process runs on ${dataDir}`)
  const family = new Set([app.pid])
  for (let grew = true; grew; ) {
    grew = false
    for (const p of all) {
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid)
        grew = true
      }
    }
  }
  const names = all.filter((p) => family.has(p.pid)).map((p) => p.cmdline[0].split('/').pop())
  const kb = [...family].reduce((sum, pid) => sum + residentKb(pid), 0)
  return { names, mb: kb / 1024 }
}
