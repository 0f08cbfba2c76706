import { createApp } from 'vue'
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import 'vant/es/notify/style'
import 'vant/es/image-preview/style'
import App from './App.vue'
import { setUnauthorizedHandler } from './api/client'
import { i18n, setLocale, type Locale } from './i18n'
import { startOutbox } from './outbox'
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

void setLocale(i18n.global.locale.value as Locale)
const app = createApp(App).use(i18n).use(router)
startOutbox()
void refreshConfig()
app.mount('#app')
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
// After the first screen, so registering never delays it.
void router.isReady().then(registerServiceWorker)
