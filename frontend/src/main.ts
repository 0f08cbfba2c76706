import { createApp } from 'vue'
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import 'vant/es/notify/style'
import 'vant/es/image-preview/style'
import App from './App.vue'
import { setUnauthorizedHandler } from './api/client'
import { i18n, savedLocale, setLocale } from './i18n'
import { registerServiceWorker } from './composables/usePwa'
import { refreshConfig } from './reference'
import { router } from './router'
import { dropSession } from './session'
import './styles.css'

setUnauthorizedHandler(() => {
  dropSession()
  const here = router.currentRoute.value
  if (!here.meta.public) void router.replace({ path: '/login', query: { redirect: here.fullPath } })
})

const app = createApp(App).use(i18n).use(router)
// The outbox (IndexedDB) comes with the screens that use it, in the same round trip as this
// script (index.html preloads them); it starts sending as soon as it is in.
void import('./outbox').then((m) => m.startOutbox())
void refreshConfig()
// zh-CN is in this script; English is fetched first when it was the user's choice.
void setLocale(savedLocale()).finally(() => app.mount('#app'))
// A tapped notification (sw.ts, notificationclick) asks the open app to show its ticket.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (event) => {
    const data = event.data as { type?: string; url?: string } | null
    if (data?.type === 'OPEN_URL' && data.url?.startsWith('/') && !data.url.startsWith('//')) {
      void router.push(data.url)
    }
  })
  navigator.serviceWorker.startMessages()
}
// After the first screen and everything it loads: the service worker's download of the rest of
// the app must not compete with it on a slow link.
void router.isReady().then(() => {
  if (document.readyState === 'complete') void registerServiceWorker()
  else window.addEventListener('load', () => void registerServiceWorker(), { once: true })
})
