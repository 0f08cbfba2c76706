/** The outbox's `photo` kind: my photo added to a ticket already filed, through the real sender. */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Outbox } from '@/outbox/outbox'
import { request, sendItem } from '@/outbox/send'

interface Call {
  url: string
  method: string
  key: string | null
  body: FormData
}

let calls: Call[]
let answers: Response[]
let clock: number

beforeEach(() => {
  calls = []
  answers = []
  clock = 5_000_000
  vi.stubGlobal('document', { cookie: 'rc_csrf=tok' })
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers)
    calls.push({ url, method: init.method ?? 'GET', key: headers.get('Idempotency-Key'), body: init.body as FormData })
    const next = answers.shift()
    if (!next) throw new TypeError('Failed to fetch')
    return next
  })
})
afterEach(() => vi.unstubAllGlobals())

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

const photoItem = {
  kind: 'photo' as const,
  ticketId: 42,
  fields: { note: '同一处' },
  photos: [{ name: 'p.jpg', type: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 9]).buffer }],
}

function makeOutbox(): Outbox {
  return new Outbox({ send: sendItem, dbName: `photo-${Math.random()}`, now: () => clock, random: () => 0.5, baseDelayMs: 1_000 })
}

describe('outbox photo kind', () => {
  it('posts the photos and the note as multipart to the ticket, keyed by the item', async () => {
    const box = makeOutbox()
    const item = await box.enqueue(photoItem)
    const { path, init } = request(item)
    expect(path).toBe('/api/tickets/42/photos')
    expect(init.method).toBe('POST')
    const body = init.body as FormData
    expect(body.get('note')).toBe('同一处')
    expect((body.get('photo') as File).name).toBe('p.jpg')
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBe(item.id)
  })

  it("waits for a busy server's Retry-After and retries with the same key until the ticket answers", async () => {
    const box = makeOutbox()
    const item = await box.enqueue(photoItem)
    answers = [json(503, { detail: 'busy', code: 'busy' }, { 'Retry-After': '20' })]
    expect((await box.flush()).failed).toBe(1)
    expect((await box.get(item.id))!.nextAttemptAt).toBe(clock + 20_000)
    clock += 19_000
    await box.flush()
    expect(calls).toHaveLength(1) // not before the server said
    clock += 1_000
    answers = [json(200, { id: 42, number: '20261130-0001' })]
    const r = await box.flush()
    expect(r.sent).toBe(1)
    expect(calls.map((c) => [c.url, c.method, c.key])).toEqual([
      ['/api/tickets/42/photos', 'POST', item.id],
      ['/api/tickets/42/photos', 'POST', item.id],
    ])
    expect(await box.list()).toEqual([])
  })

  it('a lost network keeps the item, and a closed ticket (409) sets it aside with the reason', async () => {
    const box = makeOutbox()
    const item = await box.enqueue(photoItem)
    const r = await box.flush() // no answer: the network is down
    expect(r.offline).toBe(true)
    expect((await box.get(item.id))!.stuck).toBe(false)
    clock += 60_000
    answers = [json(409, { detail: 'ticket 20261130-0001 is closed: you cannot add a photo to it now', code: 'conflict' })]
    await box.flush()
    const kept = (await box.get(item.id))!
    expect(kept.stuck).toBe(true)
    expect(kept.lastError).toContain('409')
    expect(calls.every((c) => c.key === item.id)).toBe(true)
  })
})
