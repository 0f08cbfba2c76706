/** The app's outbox: one instance, flushed at start, on `online`, when visible, and on a backoff timer. */
import { reactive } from 'vue'
import { notifyUnauthorized } from '@/api/client'
import { session } from '@/session'
import { Outbox, type FlushReport, type NewItem, type OutboxItem, type SendResult } from './outbox'
import { sendItem } from './send'

export type { OutboxItem } from './outbox'

export const outboxState = reactive({ pending: 0, stuck: 0, authPaused: false, flushing: false })

type SentListener = (item: OutboxItem, result: SendResult) => void
const sentListeners = new Set<SentListener>()
export function onOutboxSent(fn: SentListener): () => void {
  sentListeners.add(fn)
  return () => sentListeners.delete(fn)
}

function crossTabLock<T>(fn: () => Promise<T>): Promise<T | undefined> {
  if (!('locks' in navigator)) return fn()
  return navigator.locks.request('roadchief-outbox', { ifAvailable: true }, (lock) =>
    lock ? fn() : undefined,
  ) as Promise<T | undefined>
}

export const outbox = new Outbox({
  send: sendItem,
  crossTabLock,
  onSent: (item, result) => sentListeners.forEach((fn) => fn(item, result)),
  currentUser: () => session.me?.username ?? null,
})

/** Queue a submission as the signed-in user and try to send it at once. */
export async function queueSubmission(input: Omit<NewItem, 'owner'>): Promise<OutboxItem> {
  const item = await outbox.enqueue({ ...input, owner: session.me?.username })
  void flushOutbox()
  return item
}

// Other tabs change the same database; they tell us so the badge stays right.
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('roadchief-outbox') : null

async function refreshCounts(): Promise<void> {
  const c = await outbox.counts()
  outboxState.pending = c.pending
  outboxState.stuck = c.stuck
  outboxState.authPaused = outbox.authPaused
}

outbox.subscribe(() => {
  void refreshCounts()
  channel?.postMessage('changed')
})
if (channel) channel.onmessage = () => void refreshCounts()

let timer: ReturnType<typeof setTimeout> | undefined
const SAFETY_POLL_MS = 5 * 60_000

async function schedule(): Promise<void> {
  clearTimeout(timer)
  const due = await outbox.nextDueAt()
  // A safety poll covers a lock held by another tab or a missed event.
  const delay = due === null ? SAFETY_POLL_MS : Math.min(SAFETY_POLL_MS, Math.max(1_000, due - Date.now()))
  timer = setTimeout(() => void flushOutbox(false), delay)
}

export async function flushOutbox(force = true): Promise<FlushReport | null> {
  if (!navigator.onLine) {
    await schedule()
    return null
  }
  outboxState.flushing = true
  try {
    const report = await outbox.flush({ force })
    // The session is gone: send the user to sign in; the items go after it (resumeOutbox).
    if (report.authPaused) notifyUnauthorized()
    return report
  } finally {
    outboxState.flushing = false
    await refreshCounts()
    await schedule()
  }
}

/** Start the triggers once, at app start. Background Sync is never relied on. */
export function startOutbox(): void {
  window.addEventListener('online', () => void flushOutbox(true))
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox(true)
  })
  void refreshCounts()
  void flushOutbox(true)
}

/** After a login the items paused by a 401 go again. */
export function resumeOutbox(): void {
  outbox.resume()
  void flushOutbox(true)
}

/** Photos for the outbox as ArrayBuffers (see OutboxPhoto). */
export async function photosForOutbox(photos: { blob: Blob; name: string; type: string }[]) {
  return Promise.all(photos.map(async (p) => ({ name: p.name, type: p.type, data: await p.blob.arrayBuffer() })))
}
