/// <reference lib="webworker" />
/** Service worker: precache the app shell so the app opens with no network; SPA navigations. */
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { ExpirationPlugin } from 'workbox-expiration'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { NAVIGATION_DENYLIST } from './swRoutes'

declare let self: ServiceWorkerGlobalScope

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
// Take over the page that installed us, so the very first visit already works offline (the lazy
// screens come from the cache). Updates still wait for the user's yes (SKIP_WAITING below).
clientsClaim()

// Every app URL opens the cached shell; the API and OpenAPI docs always go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: NAVIGATION_DENYLIST,
  }),
)

// Published photo copies never change under their URL: keep the recent ones so lists and tickets
// seen online still show their photos offline. Sign-out empties this cache (shared phones).
const PHOTO_CACHE = 'rc-photos'
registerRoute(
  ({ url, request }) => request.method === 'GET' && /^\/api\/photos\/\d+\/(thumb|display)$/.test(url.pathname),
  new CacheFirst({
    cacheName: PHOTO_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true })],
  }),
)

// The update prompt asks before a new version takes over (registerType: 'prompt').
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

// Web Push (app/notify/channels/webpush.py sends {title, body, url, tag}): one notification per
// ticket (the tag replaces an older one), and a tap opens that ticket in the app.
interface PushData {
  title: string
  body?: string
  url?: string
  tag?: string
}

function notificationFrom(data: PushData): [string, NotificationOptions] {
  return [
    data.title,
    {
      body: data.body ?? '',
      tag: data.tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: data.url ?? '/' },
    },
  ]
}

self.addEventListener('push', (event) => {
  let data: PushData
  try {
    data = event.data?.json() as PushData
  } catch {
    data = { title: event.data?.text() ?? '路长通' }
  }
  const [title, options] = notificationFrom(data ?? { title: '路长通' })
  event.waitUntil(self.registration.showNotification(title, options))
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const target = new URL((event.notification.data as { url?: string } | null)?.url ?? '/', self.location.origin)
  event.waitUntil(openApp(target))
})

/** Show `target` (a path in this app): in the app window already open — brought forward, then
 * told to route there (main.ts), so it keeps its state and outbox — or in a new window. */
async function openApp(target: URL): Promise<void> {
  const path = target.pathname + target.search + target.hash
  const windows = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).filter(
    (w) => new URL(w.url).origin === self.location.origin,
  )
  const open = windows.find((w) => w.focused) ?? windows.find((w) => w.visibilityState === 'visible') ?? windows[0]
  if (!open) {
    await self.clients.openWindow(path)
    return
  }
  // Allowed while handling a tap on the notification; refused otherwise (then it only routes).
  await open.focus().catch(() => undefined)
  open.postMessage({ type: 'OPEN_URL', url: path })
}
