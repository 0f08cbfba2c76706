/**
 * The on-device outbox: every submission waits here (IndexedDB) with the idempotency key made on
 * the phone until the server has confirmed it. Transport-agnostic so it can be tested without a
 * browser; see ./index.ts for the wiring to fetch, timers and browser events.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { uuid } from '@/lib/uuid'

export { uuid }

/** `photo`: my photo(s) added to a ticket already filed for the same problem (not a new ticket). */
export type OutboxKind = 'report' | 'photo' | 'rectify' | 'verify' | 'handoff' | 'sheet' | 'survey' | 'progress'

export interface OutboxPhoto {
  name: string
  type: string
  // ArrayBuffer rather than Blob: older iOS Safari cannot store Blobs in IndexedDB.
  data: ArrayBuffer
  /** The form field it is sent under (a score sheet names one per deduction); default `photo`. */
  field?: string
}

export interface OutboxItem {
  /** UUID, sent as the Idempotency-Key on every attempt so the server never makes a second ticket. */
  id: string
  kind: OutboxKind
  ticketId?: number
  /** For task progress reports (任务进展). */
  taskId?: number
  /** Username that made it: sent only while that user is signed in (phones get shared). */
  owner?: string
  fields: Record<string, string>
  photos: OutboxPhoto[]
  attempts: number
  nextAttemptAt: number
  lastError: string | null
  /** The server's error code with the last failure (shown in the user's language, see lib/errors). */
  lastCode?: string
  /** Set when the server said the item can never succeed as it is; the reason is in lastError. */
  stuck: boolean
  createdAt: number
}

export interface NewItem {
  id?: string
  kind: OutboxKind
  ticketId?: number
  /** For task progress reports (任务进展). */
  taskId?: number
  owner?: string
  fields: Record<string, string>
  photos?: OutboxPhoto[]
}

export interface SendResult {
  status: number
  detail?: string
  /** The server's stable error code, e.g. conflict, invalid, busy. */
  code?: string
  body?: unknown
  /** The server's Retry-After (503 busy, 429 slow down), in milliseconds. */
  retryAfterMs?: number
}

/** Sends one item; resolves with the HTTP outcome, rejects when the server was not reached. */
export type Sender = (item: OutboxItem) => Promise<SendResult>

export interface FlushReport {
  sent: number
  failed: number
  stuck: number
  /** A 401 stopped the flush: nothing more is sent until resume() after a login. */
  authPaused: boolean
  /** The server could not be reached; the flush stopped to keep the order. */
  offline: boolean
  /** False when another flush (this tab or another) was already running. */
  ran: boolean
}

export interface OutboxOptions {
  send: Sender
  dbName?: string
  now?: () => number
  random?: () => number
  baseDelayMs?: number
  maxDelayMs?: number
  /** Cross-tab mutual exclusion; resolves undefined when another holder has the lock. */
  crossTabLock?: <T>(fn: () => Promise<T>) => Promise<T | undefined>
  onSent?: (item: OutboxItem, result: SendResult) => void
  /** Who is signed in now; items of other users wait for them. */
  currentUser?: () => string | null
}

interface OutboxDB extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { createdAt: number } }
}

/** Statuses that can never succeed by retrying the same request: keep the item aside with the reason. */
export function isPermanentFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429
}

type Listener = () => void

export class Outbox {
  private dbp: Promise<IDBPDatabase<OutboxDB>> | null = null
  private running: Promise<FlushReport> | null = null
  private rerun = false
  private lastCreatedAt = 0
  private listeners = new Set<Listener>()
  // After a network failure nothing is tried before the failed item's retry time, so items
  // keep their order and a dead network is not hammered item by item.
  private blockedUntil = 0
  authPaused = false

  constructor(private readonly opts: OutboxOptions) {}

  private get now(): number {
    return (this.opts.now ?? Date.now)()
  }

  private db(): Promise<IDBPDatabase<OutboxDB>> {
    this.dbp ??= openDB<OutboxDB>(this.opts.dbName ?? 'roadchief-outbox', 1, {
      upgrade(db) {
        const store = db.createObjectStore('items', { keyPath: 'id' })
        store.createIndex('createdAt', 'createdAt')
      },
    })
    return this.dbp
  }

  close(): void {
    void this.dbp?.then((db) => db.close())
    this.dbp = null
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  private changed(): void {
    for (const fn of this.listeners) fn()
  }

  /** Backoff before attempt n+1: exponential, capped, with jitter so phones don't retry in step. */
  backoff(attempts: number): number {
    const base = this.opts.baseDelayMs ?? 5_000
    const max = this.opts.maxDelayMs ?? 10 * 60_000
    const exp = Math.min(max, base * 2 ** Math.max(0, attempts - 1))
    const random = this.opts.random ?? Math.random
    return Math.round(exp / 2 + (random() * exp) / 2)
  }

  async enqueue(input: NewItem): Promise<OutboxItem> {
    // Strictly increasing so items keep the order they were made in, even within one millisecond.
    const createdAt = Math.max(this.now, this.lastCreatedAt + 1)
    this.lastCreatedAt = createdAt
    const item: OutboxItem = {
      id: input.id ?? uuid(),
      kind: input.kind,
      ticketId: input.ticketId,
      taskId: input.taskId,
      owner: input.owner,
      fields: input.fields,
      photos: input.photos ?? [],
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      stuck: false,
      createdAt,
    }
    await (await this.db()).put('items', item)
    this.changed()
    return item
  }

  async list(): Promise<OutboxItem[]> {
    return (await this.db()).getAllFromIndex('items', 'createdAt')
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    return (await this.db()).get('items', id)
  }

  async counts(): Promise<{ pending: number; stuck: number }> {
    const items = await this.list()
    const stuck = items.filter((i) => i.stuck).length
    return { pending: items.length - stuck, stuck }
  }

  private sendable(item: OutboxItem): boolean {
    const user = this.opts.currentUser?.()
    return !item.stuck && (!item.owner || user === undefined || item.owner === user)
  }

  /** When the next item this user can send is due, or null when nothing waits. */
  async nextDueAt(): Promise<number | null> {
    const due = (await this.list()).filter((i) => this.sendable(i)).map((i) => i.nextAttemptAt)
    return due.length ? Math.max(this.blockedUntil, Math.min(...due)) : null
  }

  async remove(id: string): Promise<void> {
    await (await this.db()).delete('items', id)
    this.changed()
  }

  /** Put a stuck item back in the queue (the user fixed the cause, or wants to try again). */
  async retry(id: string): Promise<void> {
    const db = await this.db()
    const item = await db.get('items', id)
    if (!item) return
    await db.put('items', { ...item, stuck: false, attempts: 0, nextAttemptAt: 0, lastError: null })
    this.changed()
  }

  /** Called after a successful login: the items paused by a 401 may go again. */
  resume(): void {
    this.authPaused = false
  }

  /**
   * Send what is due, oldest first. Only one flush runs at a time: a call during a flush makes the
   * running one go round once more (for items added meanwhile) and shares its result.
   */
  flush(opts: { force?: boolean } = {}): Promise<FlushReport> {
    if (this.running) {
      this.rerun = true
      return this.running
    }
    const lock = this.opts.crossTabLock ?? ((fn) => fn())
    this.running = (async () => {
      let total: FlushReport = { sent: 0, failed: 0, stuck: 0, authPaused: false, offline: false, ran: false }
      try {
        do {
          this.rerun = false
          const report = await lock(() => this.flushOnce(opts.force ?? false))
          if (!report) break
          total = {
            sent: total.sent + report.sent,
            failed: total.failed + report.failed,
            stuck: total.stuck + report.stuck,
            authPaused: report.authPaused,
            offline: report.offline,
            ran: true,
          }
        } while (this.rerun && !total.authPaused && !total.offline)
      } finally {
        this.running = null
      }
      return total
    })()
    return this.running
  }

  private async flushOnce(force: boolean): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, failed: 0, stuck: 0, authPaused: false, offline: false, ran: true }
    if (this.authPaused) return { ...report, authPaused: true }
    if (!force && this.blockedUntil > this.now) return report
    const db = await this.db()
    for (const listed of await this.list()) {
      // Re-read: another tab may have sent or changed it since the list was taken.
      const item = await db.get('items', listed.id)
      if (!item || !this.sendable(item) || (!force && item.nextAttemptAt > this.now)) continue
      let result: SendResult
      try {
        result = await this.opts.send(item)
      } catch (e) {
        this.blockedUntil = await this.failed(item, e instanceof Error ? e.message : String(e))
        report.failed++
        report.offline = true
        break
      }
      this.blockedUntil = 0
      if (result.status >= 200 && result.status < 300) {
        await db.delete('items', item.id)
        report.sent++
        this.changed()
        this.opts.onSent?.(item, result)
      } else if (result.status === 401) {
        this.authPaused = true
        report.authPaused = true
        break
      } else if (isPermanentFailure(result.status)) {
        await db.put('items', {
          ...item,
          attempts: item.attempts + 1,
          stuck: true,
          lastError: `${result.status}: ${result.detail ?? ''}`.trim(),
          lastCode: result.code,
        })
        report.stuck++
        this.changed()
      } else if (result.retryAfterMs !== undefined) {
        // The server is saturated and said when to come back: the same item (same key) then,
        // and nothing else before, so a busy server is not hammered item by item.
        const reason = `${result.status}: ${result.detail ?? ''}`.trim()
        this.blockedUntil = await this.failed(item, reason, result.retryAfterMs, result.code)
        report.failed++
        break
      } else {
        await this.failed(item, `${result.status}: ${result.detail ?? ''}`.trim(), undefined, result.code)
        report.failed++
      }
    }
    return report
  }

  /** Count a failed attempt and set its retry time (the server's, if it said), which it returns. */
  private async failed(item: OutboxItem, reason: string, retryAfterMs?: number, code?: string): Promise<number> {
    const attempts = item.attempts + 1
    const nextAttemptAt = this.now + (retryAfterMs ?? this.backoff(attempts))
    await (await this.db()).put('items', { ...item, attempts, lastError: reason, lastCode: code, nextAttemptAt })
    this.changed()
    return nextAttemptAt
  }
}
