// Performance budget for the built app (../app/static), in KB gzip, and the requests of the first
// screen. Exits 1 when over budget.
//   firstRouteJs    the scripts index.html runs: what every user waits for before any screen
//   reportScreenJs  those plus the first screen's chunk that index.html preloads beside them
//                   (vite.config.ts, firstScreenChunk): what an inspector waits for
//   allJs, css      every script / stylesheet the service worker precaches (a phone keeps them)
//   firstRequests   scripts and stylesheets index.html asks for before the first screen
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const dir = resolve(import.meta.dirname, '../../app/static')
const BUDGET = { firstRouteJs: 80, reportScreenJs: 110, allJs: 240, css: 60, firstRequests: 6 }
const kb = (bytes) => bytes / 1024
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length

let html
try {
  html = readFileSync(join(dir, 'index.html'), 'utf8')
} catch {
  console.error(`No build at ${dir}; run npm run build first.`)
  process.exit(2)
}
// What the service worker precaches is exactly what it lists (its injected manifest in sw.js).
const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => join(dir, m[1]))
if (precached.length < 10) {
  console.error('cannot read the precache list from sw.js')
  process.exit(2)
}
const js = precached.filter((f) => f.endsWith('.js'))
const css = precached.filter((f) => f.endsWith('.css'))
const asset = (href) => join(dir, href.replace(/^\//, ''))
const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => asset(m[1]))
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => asset(m[1]))
const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => asset(m[1]))

// A chunk's static imports load with it (Vite's build manifest lists them).
const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
const byFile = new Map(Object.values(manifest).map((c) => [join(dir, c.file), c]))
function closure(files) {
  const seen = new Set()
  const visit = (f) => {
    if (seen.has(f)) return
    seen.add(f)
    for (const i of byFile.get(f)?.imports ?? []) if (manifest[i]) visit(join(dir, manifest[i].file))
  }
  files.forEach(visit)
  return [...seen]
}
const firstRoute = closure(scripts)
const reportScreen = closure([...scripts, ...preloads])
// The report screen must be in what index.html loads, or the inspector waits one more round trip.
const field = Object.values(manifest).find((c) => c.name === 'field')
if (!field || !reportScreen.includes(join(dir, field.file))) {
  console.error('index.html does not preload the first screen\'s chunk ("field")')
  process.exit(2)
}

const sum = (list) => list.reduce((n, f) => n + gz(f), 0)
const figures = {
  firstRouteJs: kb(sum(firstRoute)),
  reportScreenJs: kb(sum(reportScreen)),
  allJs: kb(sum(js)),
  css: kb(sum(css)),
}
const requests = new Set([...reportScreen, ...stylesheets]).size
let over = false
for (const [k, v] of Object.entries(figures)) {
  const ok = v <= BUDGET[k]
  over ||= !ok
  console.log(`${ok ? 'ok  ' : 'OVER'} ${k.padEnd(15)} ${v.toFixed(1).padStart(7)} KB gzip (budget ${BUDGET[k]} KB)`)
}
const requestsOk = requests <= BUDGET.firstRequests
over ||= !requestsOk
console.log(`${requestsOk ? 'ok  ' : 'OVER'} ${'firstRequests'.padEnd(15)} ${String(requests).padStart(7)}    (budget ${BUDGET.firstRequests}): ${[...new Set([...reportScreen, ...stylesheets])].map((f) => f.slice(dir.length + 1)).join(', ')}`)
process.exit(over ? 1 : 0)
