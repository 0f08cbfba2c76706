/** Ticket lists and details from the API, with the last answer kept for offline viewing. */
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { api } from '@/api/client'
import { friendlyError } from '@/lib/errors'
import { onOutboxSent } from '@/outbox'
import type { Page, Ticket } from '@/api/types'

interface Cached<T> {
  at: number
  value: T
}

function readCache<T>(key: string): Cached<T> | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as Cached<T> | null
  } catch {
    return null
  }
}

function writeCache<T>(key: string, value: T): void {
  try {
    localStorage.setItem(key, JSON.stringify({ at: Date.now(), value }))
  } catch {
    /* storage full: the list still shows, just not offline */
  }
}

export function useCachedFetch<T>(cacheKey: string, path: () => string) {
  const cached = readCache<T>(cacheKey)
  const data = ref<T | null>(cached?.value ?? null)
  const fromCacheAt = ref<number | null>(cached ? cached.at : null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  // Requests can answer out of order (a slow first one, a service worker's cache): only the
  // answer to the latest request is shown, whichever arrives last.
  let latest = 0

  async function load(): Promise<void> {
    const mine = ++latest
    loading.value = true
    error.value = null
    try {
      const v = await api<T>(path())
      if (mine !== latest) return
      data.value = v
      fromCacheAt.value = null
      writeCache(cacheKey, v)
    } catch (e) {
      if (mine === latest) error.value = friendlyError(e)
    } finally {
      if (mine === latest) loading.value = false
    }
  }
  /** Take a fresh copy from elsewhere (the server's answer to an action). */
  function set(v: T): void {
    data.value = v
    fromCacheAt.value = null
    writeCache(cacheKey, v)
  }
  return { data, fromCacheAt, loading, error, load, set }
}

export function useTicketList(cacheKey: string, path: () => string) {
  return useCachedFetch<Page<Ticket>>(`rc.list.${cacheKey}`, path)
}

export function useTicket(id: number) {
  return useCachedFetch<Ticket>(`rc.ticket.${id}`, () => `/api/tickets/${id}`)
}

/** Reload a list when the app comes back to the foreground or something left the outbox. */
export function useAutoRefresh(load: () => unknown): void {
  const onVisible = () => document.visibilityState === 'visible' && load()
  let stop: (() => void) | undefined
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisible)
    stop = onOutboxSent(() => void load())
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisible)
    stop?.()
  })
}
