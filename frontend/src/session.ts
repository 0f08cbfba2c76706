/** Who is signed in. The server session is a 30-day cookie; `me` is cached so the app opens offline. */
import { reactive } from 'vue'
import { api, NetworkError, notifyUnauthorized, rawFetch } from './api/client'
import type { Me, Role } from './api/types'

const ME_KEY = 'rc.me'
const USERNAME_KEY = 'rc.username'

function cachedMe(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as Me | null
  } catch {
    return null
  }
}

export const session = reactive({
  me: cachedMe() as Me | null,
  /** True once /api/me answered (or failed offline) in this page load. */
  checked: false,
})

export function lastUsername(): string {
  return localStorage.getItem(USERNAME_KEY) ?? ''
}

function setMe(me: Me | null): void {
  session.me = me
  if (me) localStorage.setItem(ME_KEY, JSON.stringify(me))
  else localStorage.removeItem(ME_KEY)
}

// index.html preloads this URL, so the first check is under way before the scripts arrive. Only
// that first check may ask for it: the browser hands a preloaded answer to every later ask of the
// same URL in the page (after signing in, that would be the signed-out answer again).
const BOOT_ME = '/api/me?boot'
let booting = true

/**
 * Ask the server who we are; offline, trust the cached answer so the field app still opens.
 * A 401 while a cached user was shown ends the session as any 401 does (to sign-in), unless
 * `quiet` (the sign-in screen itself asking).
 */
export async function checkSession(options: { quiet?: boolean } = {}): Promise<Me | null> {
  const url = booting ? BOOT_ME : '/api/me'
  booting = false
  try {
    const res = await rawFetch(url)
    if (res.status === 401) {
      const shown = session.me !== null
      setMe(null)
      if (shown && !options.quiet) notifyUnauthorized()
    } else if (res.ok) {
      setMe((await res.json()) as Me)
    }
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e
  }
  session.checked = true
  return session.me
}

export async function login(username: string, password: string): Promise<Me> {
  const body = new URLSearchParams({ username, password })
  await api('/api/auth/token', { method: 'POST', body })
  localStorage.setItem(USERNAME_KEY, username)
  const me = await api<Me>('/api/me')
  setMe(me)
  session.checked = true
  return me
}

export async function logout(): Promise<void> {
  try {
    await api('/api/auth/logout', { method: 'POST' })
  } catch {
    /* offline or already gone: the local sign-out still happens */
  }
  setMe(null)
  // Phones get shared: the next user must not see this user's tickets. The outbox stays; its
  // items wait for their owner to sign in again.
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('rc.list.') || key.startsWith('rc.ticket.')) localStorage.removeItem(key)
  }
  // The service worker's photo cache (see sw.ts).
  await globalThis.caches?.delete('rc-photos')
}

/** Forget the user locally (the server said 401). */
export function dropSession(): void {
  setMe(null)
}

export function homeFor(role: Role | undefined): string {
  switch (role) {
    case 'inspector':
      return '/report'
    case 'chief':
    case 'department':
    case 'leader':
      return '/inbox'
    case 'supervisor':
    case 'admin':
      return '/console'
    default:
      return '/login'
  }
}
