/**
 * Web Push: asked for at a moment the user understands (after their first report has gone
 * through, or from 我的), never on first load. The subscription goes to the server, which pushes
 * through the browser's push service; the service worker shows it and a tap opens the ticket.
 */
import { reactive } from 'vue'
import { showConfirmDialog } from 'vant/es/dialog'
import { api } from '@/api/client'
import { i18n } from '@/i18n'

const ASKED = 'rc-push-asked'

export const push = reactive({
  supported:
    typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window,
  permission: typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  subscribed: false,
  busy: false,
  error: '',
})

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/')
  const raw = atob(b64)
  const out = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
  return out
}

async function registration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready
}

/** Whether this browser holds a subscription; re-sends it so the server knows it (shared phones). */
export async function syncPush(): Promise<void> {
  if (!push.supported) return
  push.permission = Notification.permission
  const sub = await (await registration()).pushManager.getSubscription()
  push.subscribed = !!sub && push.permission === 'granted'
  if (sub && push.subscribed) await api('/api/notify/subscriptions', { method: 'POST', json: sub.toJSON() })
}

/** Ask for permission (a user gesture must lead here), subscribe, and tell the server. */
export async function enablePush(): Promise<boolean> {
  if (!push.supported) return false
  push.busy = true
  push.error = ''
  try {
    push.permission = await Notification.requestPermission()
    if (push.permission !== 'granted') return false
    const reg = await registration()
    const { public_key } = await api<{ public_key: string }>('/api/notify/vapid')
    const sub =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(public_key) }))
    await api('/api/notify/subscriptions', { method: 'POST', json: sub.toJSON() })
    push.subscribed = true
    return true
  } catch (e) {
    push.error = e instanceof Error ? e.message : String(e)
    return false
  } finally {
    push.busy = false
  }
}

export async function disablePush(): Promise<void> {
  const sub = await (await registration()).pushManager.getSubscription()
  if (sub) {
    await api('/api/notify/subscriptions/remove', { method: 'POST', json: { endpoint: sub.endpoint } })
    await sub.unsubscribe()
  }
  push.subscribed = false
}

/** Once per phone: offer notifications after something the user did went through. */
export async function offerPushOnce(): Promise<void> {
  if (!push.supported || Notification.permission !== 'default' || localStorage.getItem(ASKED)) return
  localStorage.setItem(ASKED, '1')
  const t = i18n.global.t
  const yes = await showConfirmDialog({
    title: t('push.offerTitle'),
    message: t('push.offer'),
    confirmButtonText: t('push.enable'),
    cancelButtonText: t('push.later'),
  }).then(
    () => true,
    () => false,
  )
  if (yes) await enablePush()
}
