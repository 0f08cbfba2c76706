/// <reference lib="webworker" />
/** Service worker: precache the app shell so the app opens with no network; SPA navigations. */
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

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

// The update prompt asks before a new version takes over (registerType: 'prompt').
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
