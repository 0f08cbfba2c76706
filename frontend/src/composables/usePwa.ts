/** Install, update and storage concerns of the installed app. */
import { ref } from 'vue'

export const needRefresh = ref(false)
let updateSW: ((reload?: boolean) => Promise<void>) | null = null

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  const { registerSW } = await import('virtual:pwa-register')
  updateSW = registerSW({
    onNeedRefresh() {
      needRefresh.value = true
    },
    onRegisteredSW(_url, reg) {
      // Phones keep the app open for days; look for a new version every hour.
      if (reg) setInterval(() => void reg.update(), 60 * 60_000)
    },
  })
}

export function applyUpdate(): void {
  needRefresh.value = false
  void updateSW?.(true)
}

const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent
export const isWeChat = /MicroMessenger/i.test(ua)
export const isIos = /iPad|iPhone|iPod/.test(ua) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1)
export const isStandalone =
  window.matchMedia?.('(display-mode: standalone)').matches ||
  (navigator as Navigator & { standalone?: boolean }).standalone === true

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>
}
export const installPrompt = ref<InstallPromptEvent | null>(null)
window.addEventListener('beforeinstallprompt', (e) => {
  e.preventDefault()
  installPrompt.value = e as InstallPromptEvent
})

export async function install(): Promise<void> {
  await installPrompt.value?.prompt()
  installPrompt.value = null
}

export const persisted = ref<boolean | null>(null)
/** Ask the browser not to evict the outbox under storage pressure. */
export async function requestPersistentStorage(): Promise<void> {
  if (!navigator.storage?.persist) return
  persisted.value = (await navigator.storage.persisted()) || (await navigator.storage.persist())
}

export const online = ref(navigator.onLine)
window.addEventListener('online', () => (online.value = true))
window.addEventListener('offline', () => (online.value = false))
