/**
 * One EventSource on /api/stream for the whole console. EventSource reconnects by itself and sends
 * Last-Event-ID; when the server refuses it outright (restart, 5xx) we open a new one from ?after=.
 */
import { reactive } from 'vue'
import type { StreamFrame, Summary } from './api'

export interface FeedItem {
  key: number
  action: string
  at: string
  ticket: Summary
}

export const live = reactive({
  connected: false,
  lastId: 0,
  feed: [] as FeedItem[],
})

type Listener = (frame: StreamFrame) => void
const listeners = new Set<Listener>()
const resetListeners = new Set<() => void>()
let source: EventSource | null = null
let retry: ReturnType<typeof setTimeout> | undefined
const FEED_SIZE = 40

/** Subscribe to ticket frames; returns the unsubscribe function. */
export function onTicket(fn: Listener): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

/** The server skipped more than it can replay: redraw from scratch. */
export function onReset(fn: () => void): () => void {
  resetListeners.add(fn)
  return () => resetListeners.delete(fn)
}

function connect(): void {
  const url = live.lastId ? `/api/stream?after=${live.lastId}` : '/api/stream'
  const es = new EventSource(url, { withCredentials: true })
  source = es
  es.onopen = () => (live.connected = true)
  es.addEventListener('ready', (e) => {
    live.lastId = Number((e as MessageEvent).lastEventId) || live.lastId
  })
  es.addEventListener('ticket', (e) => {
    const msg = e as MessageEvent<string>
    const frame = JSON.parse(msg.data) as StreamFrame
    live.lastId = Math.max(live.lastId, Number(msg.lastEventId) || frame.event.id)
    live.feed.unshift({ key: frame.event.id, action: frame.event.action, at: frame.event.created_at, ticket: frame.ticket })
    if (live.feed.length > FEED_SIZE) live.feed.length = FEED_SIZE
    for (const fn of listeners) fn(frame)
  })
  es.addEventListener('reset', () => {
    for (const fn of resetListeners) fn()
  })
  es.onerror = () => {
    live.connected = false
    // CONNECTING means the browser is already retrying with Last-Event-ID; CLOSED means it gave up.
    if (es.readyState === EventSource.CLOSED && source === es) {
      clearTimeout(retry)
      retry = setTimeout(connect, 5000)
    }
  }
}

export function openStream(): void {
  if (!source) connect()
}

export function closeStream(): void {
  clearTimeout(retry)
  source?.close()
  source = null
  live.connected = false
}
