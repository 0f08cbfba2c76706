/// <reference lib="webworker" />
/** Service worker: precache the app shell so the app opens with no network; SPA navigations. */
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { ExpirationPlugin } from 'workbox-expiration'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'

declare let self: ServiceWorkerGlobalScope

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
// Take over the page that installed us, so the very first visit already works offline (the lazy
// screens come from the cache). Updates still wait for the user's yes (SKIP_WAITING below).
clientsClaim()

// Every app URL opens the cached shell; the API and OpenAPI docs always go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/openapi\.json$/, /^\/docs/, /^\/redoc/],
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
