import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { Outbox, type OutboxItem, type SendResult } from '@/outbox/outbox'
import { retryAfter } from '@/outbox/send'

/** A fake server that dedupes by Idempotency-Key, like the real one. */
class FakeServer {
  tickets = new Map<string, number>()
  calls: string[] = []
  script: Array<number | 'network' | 'lost' | { busyMs: number }> = []

  send = async (item: OutboxItem): Promise<SendResult> => {
    this.calls.push(item.id)
    const next = this.script.shift() ?? 201
    if (next === 'network') throw new Error('Failed to fetch')
    if (typeof next === 'object') return { status: 503, detail: 'busy', retryAfterMs: next.busyMs }
    if (typeof next === 'number' && next !== 201) return { status: next, detail: `status ${next}` }
    if (!this.tickets.has(item.id)) this.tickets.set(item.id, this.tickets.size + 1)
    // 'lost': the server made the ticket but the response never reached the phone.
    if (next === 'lost') throw new Error('connection reset')
    return { status: 201, body: { id: this.tickets.get(item.id) } }
  }
}

let dbName: string
let clock: number
let server: FakeServer

function makeOutbox(): Outbox {
  return new Outbox({
    send: server.send,
    dbName,
    now: () => clock,
    random: () => 0.5,
    baseDelayMs: 1_000,
    maxDelayMs: 60_000,
  })
}

const report = (note: string) => ({
  kind: 'report' as const,
  fields: { category: '0201', lat: '30.1', lon: '120.1', accuracy_m: '8', description: note },
  photos: [{ name: 'p.jpg', type: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 1, 2, 3]).buffer }],
})

beforeEach(() => {
  dbName = `outbox-${Math.random()}`
  clock = 1_000_000
  server = new FakeServer()
})

describe('outbox', () => {
  it('sends a queued item once and empties', async () => {
    const box = makeOutbox()
    const item = await box.enqueue(report('a'))
    const r = await box.flush()
    expect(r.sent).toBe(1)
    expect(server.calls).toEqual([item.id])
    expect(await box.list()).toEqual([])
    await box.flush()
    expect(server.calls).toHaveLength(1)
  })

  it('retries with the same idempotency key so a lost response makes no second ticket', async () => {
    const box = makeOutbox()
    const item = await box.enqueue(report('a'))
    server.script = ['lost']
    const first = await box.flush()
    expect(first.offline).toBe(true)
    expect(await box.list()).toHaveLength(1)
    clock += 60_000
    await box.flush()
    expect(server.calls).toEqual([item.id, item.id])
    expect(server.tickets.size).toBe(1)
    expect(await box.list()).toEqual([])
  })

  it('runs one flush at a time: concurrent calls do not send twice', async () => {
    const box = makeOutbox()
    await box.enqueue(report('a'))
    await box.enqueue(report('b'))
    await Promise.all([box.flush(), box.flush(), box.flush()])
    expect(server.calls).toHaveLength(2)
    expect(new Set(server.calls).size).toBe(2)
  })

  it('backs off exponentially after server errors and is not sent before it is due', async () => {
    const box = makeOutbox()
    const item = await box.enqueue(report('a'))
    server.script = [503, 503]
    await box.flush()
    let stored = (await box.get(item.id))!
    expect(stored.attempts).toBe(1)
    expect(stored.lastError).toContain('503')
    // base 1 s, random 0.5 -> 0.5 s + 0.25 s
    expect(stored.nextAttemptAt).toBe(clock + 750)

    clock += 500
    await box.flush()
    expect(server.calls).toHaveLength(1) // not yet due

    clock += 500
    await box.flush()
    stored = (await box.get(item.id))!
    expect(stored.attempts).toBe(2)
    expect(stored.nextAttemptAt).toBe(clock + 1_500) // doubled

    clock += 1_500
    await box.flush()
    expect(server.calls).toHaveLength(3)
    expect(await box.list()).toEqual([])
  })

  it('caps the backoff and adds jitter', () => {
    const lo = new Outbox({ send: server.send, random: () => 0, baseDelayMs: 1_000, maxDelayMs: 8_000 })
    const hi = new Outbox({ send: server.send, random: () => 0.999, baseDelayMs: 1_000, maxDelayMs: 8_000 })
    expect(lo.backoff(1)).toBe(500)
    expect(hi.backoff(1)).toBe(1_000)
    expect(lo.backoff(20)).toBe(4_000)
    expect(hi.backoff(20)).toBeLessThanOrEqual(8_000)
  })

  it('treats 429 as retryable', async () => {
    const box = makeOutbox()
    await box.enqueue(report('a'))
    server.script = [429]
    const r = await box.flush()
    expect(r.failed).toBe(1)
    const [item] = await box.list()
    expect(item!.stuck).toBe(false)
  })

  it("waits as long as a busy server's Retry-After says, then resends with the same key", async () => {
    const box = makeOutbox()
    const first = await box.enqueue(report('a'))
    const second = await box.enqueue(report('b'))
    server.script = [{ busyMs: 30_000 }]
    const r = await box.flush()
    // Nothing else is sent to a saturated server before the time it gave.
    expect(r.failed).toBe(1)
    expect(server.calls).toEqual([first.id])
    expect((await box.get(first.id))!.nextAttemptAt).toBe(clock + 30_000)
    clock += 29_000
    await box.flush()
    expect(server.calls).toEqual([first.id])
    clock += 1_000
    await box.flush()
    expect(server.calls).toEqual([first.id, first.id, second.id])
    expect([...server.tickets.keys()]).toEqual([first.id, second.id])
    expect(await box.list()).toEqual([])
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-30T22:00:00Z')
    expect(retryAfter('7', now)).toBe(7_000)
    expect(retryAfter('Mon, 30 Nov 2026 22:00:12 GMT', now)).toBe(12_000)
    expect(retryAfter('soon', now)).toBeUndefined()
    expect(retryAfter(null, now)).toBeUndefined()
  })

  it('sets aside items the server refuses for good, with the reason, and keeps sending others', async () => {
    const box = makeOutbox()
    const bad = await box.enqueue(report('bad'))
    const good = await box.enqueue(report('good'))
    server.script = [422, 201]
    const r = await box.flush()
    expect(r).toMatchObject({ sent: 1, stuck: 1 })
    const [left] = await box.list()
    expect(left!.id).toBe(bad.id)
    expect(left!.stuck).toBe(true)
    expect(left!.lastError).toContain('422')
    expect(server.tickets.has(good.id)).toBe(true)
    expect(await box.counts()).toEqual({ pending: 0, stuck: 1 })

    // A stuck item is not retried on its own ...
    clock += 3_600_000
    await box.flush({ force: true })
    expect(server.calls).toHaveLength(2)
    // ... only when the user asks.
    await box.retry(bad.id)
    await box.flush()
    expect(server.tickets.has(bad.id)).toBe(true)
    expect(await box.list()).toEqual([])
  })

  it.each([409, 413, 415])('marks %i as stuck', async (status) => {
    const box = makeOutbox()
    await box.enqueue(report('x'))
    server.script = [status]
    await box.flush()
    expect((await box.list())[0]!.stuck).toBe(true)
  })

  it('keeps 5xx items pending for retry', async () => {
    const box = makeOutbox()
    await box.enqueue(report('x'))
    server.script = [500]
    await box.flush()
    const [item] = await box.list()
    expect(item!.stuck).toBe(false)
    expect(item!.attempts).toBe(1)
  })

  it('pauses on 401 until resumed after login, without counting an attempt', async () => {
    const box = makeOutbox()
    await box.enqueue(report('a'))
    await box.enqueue(report('b'))
    server.script = [401]
    const r = await box.flush()
    expect(r.authPaused).toBe(true)
    expect(server.calls).toHaveLength(1)
    await box.flush({ force: true })
    expect(server.calls).toHaveLength(1)
    expect((await box.list())[0]!.attempts).toBe(0)
    box.resume()
    await box.flush()
    expect(server.tickets.size).toBe(2)
  })

  it('survives a reload: a new instance on the same database sends what was queued', async () => {
    const before = makeOutbox()
    const a = await before.enqueue(report('a'))
    const b = await before.enqueue(report('b'))
    before.close()

    const after = makeOutbox()
    const items = await after.list()
    expect(items.map((i) => i.id)).toEqual([a.id, b.id])
    expect(new Uint8Array(items[0]!.photos[0]!.data)).toEqual(new Uint8Array([0xff, 0xd8, 1, 2, 3]))
    expect(items[0]!.fields.description).toBe('a')
    await after.flush()
    expect(server.tickets.size).toBe(2)
  })

  it('sends in the order items were made, even within one millisecond', async () => {
    const box = makeOutbox()
    const ids = []
    for (const n of ['1', '2', '3', '4', '5']) ids.push((await box.enqueue(report(n))).id)
    await box.flush()
    expect(server.calls).toEqual(ids)
  })

  it('stops at a network error so later items do not overtake the earlier one', async () => {
    const box = makeOutbox()
    const a = await box.enqueue(report('a'))
    const b = await box.enqueue(report('b'))
    server.script = ['network']
    const r = await box.flush()
    expect(r.offline).toBe(true)
    expect(server.calls).toEqual([a.id])
    await box.flush({ force: true })
    expect(server.calls).toEqual([a.id, a.id, b.id])
  })

  it('a flush called while one runs makes it go round again for items added meanwhile', async () => {
    let box: Outbox
    let late: OutboxItem | undefined
    let second: Promise<unknown> | undefined
    const send = async (item: OutboxItem): Promise<SendResult> => {
      if (!late) {
        late = await box.enqueue(report('late'))
        second = box.flush()
      }
      return server.send(item)
    }
    box = new Outbox({ send, dbName, now: () => clock })
    await box.enqueue(report('a'))
    const r = await box.flush()
    await second
    expect(r.sent).toBe(2)
    expect(server.tickets.has(late!.id)).toBe(true)
    expect(server.calls).toHaveLength(2)
  })

  it('a second tab holding the lock means this tab does not send', async () => {
    const box = new Outbox({ send: server.send, dbName, now: () => clock, crossTabLock: async () => undefined })
    await box.enqueue(report('a'))
    const r = await box.flush()
    expect(r.ran).toBe(false)
    expect(server.calls).toHaveLength(0)
  })
})

describe('outbox on a shared phone', () => {
  it("sends only the signed-in user's items; others wait for their owner", async () => {
    let user: string | null = 'inspector1'
    const box = new Outbox({ send: server.send, dbName, now: () => clock, currentUser: () => user })
    const mine = await box.enqueue({ ...report('mine'), owner: 'inspector1' })
    const theirs = await box.enqueue({ ...report('theirs'), owner: 'inspector2' })
    await box.flush()
    expect(server.calls).toEqual([mine.id])
    expect((await box.list()).map((i) => i.id)).toEqual([theirs.id])
    user = 'inspector2'
    await box.flush()
    expect(server.calls).toEqual([mine.id, theirs.id])
  })
})

describe('outbox scheduling', () => {
  it('after a network failure waits for the failed item before trying later ones', async () => {
    const box = makeOutbox()
    const a = await box.enqueue(report('a'))
    const b = await box.enqueue(report('b'))
    server.script = ['network']
    await box.flush()
    const retryAt = (await box.get(a.id))!.nextAttemptAt
    expect(await box.nextDueAt()).toBe(retryAt)
    clock = retryAt - 1
    await box.flush()
    expect(server.calls).toEqual([a.id]) // b did not overtake a
    clock = retryAt
    await box.flush()
    expect(server.calls).toEqual([a.id, a.id, b.id])
  })

  it('a server error on one item does not hold up the others', async () => {
    const box = makeOutbox()
    const a = await box.enqueue(report('a'))
    const b = await box.enqueue(report('b'))
    server.script = [500, 201]
    await box.flush()
    expect(server.calls).toEqual([a.id, b.id])
    expect((await box.list()).map((i) => i.id)).toEqual([a.id])
  })

  it("does not wake up for another user's items", async () => {
    const box = new Outbox({ send: server.send, dbName, now: () => clock, currentUser: () => 'inspector1' })
    await box.enqueue({ ...report('theirs'), owner: 'inspector2' })
    expect(await box.nextDueAt()).toBeNull()
    await box.enqueue({ ...report('mine'), owner: 'inspector1' })
    expect(await box.nextDueAt()).toBe(0)
  })
})
