// Performance budget for the built app (../app/static): gzip sizes of the first route's JS (the entry
// chunk plus what index.html preloads), of all JS, and of all CSS. Exits 1 when over budget.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const dir = resolve(import.meta.dirname, '../../app/static')
const BUDGET = { firstRouteJs: 170, reportScreenJs: 170, allJs: 300, css: 60 } // KB gzip

const kb = (bytes) => bytes / 1024
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length

function walk(d) {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

let html
try {
  html = readFileSync(join(dir, 'index.html'), 'utf8')
} catch {
  console.error(`No build at ${dir}; run npm run build first.`)
  process.exit(2)
}
// The service worker and its registration helper are not part of the page's JS.
// Nor are the admin pages (notification channels and towns included: admin-only), the
// campaign pages (desk-only) and the 新建自查 form (online-only), which the service worker does
// not precache (vite.config.ts).
const files = walk(dir).filter((f) => !/[\\/](sw|workbox-[^/\\]*|registerSW)\.js$/.test(f) && !/[\\/](OrgPage|UsersPage|AreasPage|CategoriesPage|SiteTypesPage|CalendarPage|AuditPage|AdminLayout|NotifyPage|CampaignsPage|CampaignPage|EvalSelfCheckPage)-/.test(f))
const js = files.filter((f) => f.endsWith('.js'))
const css = files.filter((f) => f.endsWith('.css'))
const firstRoute = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) =>
  join(dir, m[1].replace(/^\//, '')),
)

// What an inspector waits for on opening the app: the entry, the field layout and the report
// screen with everything they import statically (from Vite's build manifest).
function closure(manifest, keys) {
  const seen = new Set()
  for (const k of keys) if (!manifest[k]) throw new Error(`${k} is not in the build manifest`)
  const visit = (k) => {
    if (seen.has(k) || !manifest[k]) return
    seen.add(k)
    for (const i of manifest[k].imports ?? []) visit(i)
  }
  keys.forEach(visit)
  return [...seen].map((k) => join(dir, manifest[k].file))
}
let reportScreen = []
try {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
  reportScreen = closure(manifest, ['index.html', 'src/layouts/MobileLayout.vue', 'src/pages/ReportPage.vue'])
} catch (e) {
  console.error(`cannot weigh the report screen: ${e.message}`)
  process.exit(2)
}

const sum = (list) => list.reduce((n, f) => n + gz(f), 0)
const figures = {
  firstRouteJs: kb(sum(firstRoute)),
  reportScreenJs: kb(sum(reportScreen)),
  allJs: kb(sum(js)),
  css: kb(sum(css)),
}
let over = false
for (const [k, v] of Object.entries(figures)) {
  const ok = v <= BUDGET[k]
  over ||= !ok
  console.log(`${ok ? 'ok  ' : 'OVER'} ${k.padEnd(15)} ${v.toFixed(1).padStart(7)} KB gzip (budget ${BUDGET[k]} KB)`)
}
console.log(`first route: ${firstRoute.map((f) => f.slice(dir.length + 1)).join(', ')}`)
process.exit(over ? 1 : 0)
