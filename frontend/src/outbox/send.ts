/** Turns an outbox item into its HTTP request. */
import { errorMessage, rawFetch } from '@/api/client'
import type { OutboxItem, SendResult } from './outbox'

function form(item: OutboxItem): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(item.fields)) fd.append(k, v)
  for (const p of item.photos) fd.append(p.field ?? 'photo', new Blob([p.data], { type: p.type }), p.name)
  return fd
}

export function request(item: OutboxItem): { path: string; init: RequestInit } {
  const headers: Record<string, string> = { 'Idempotency-Key': item.id }
  const t = item.ticketId
  switch (item.kind) {
    case 'report':
      return { path: '/api/tickets', init: { method: 'POST', body: form(item), headers } }
    case 'photo':
      return { path: `/api/tickets/${t}/photos`, init: { method: 'POST', body: form(item), headers } }
    case 'rectify':
      return { path: `/api/tickets/${t}/rectify`, init: { method: 'POST', body: form(item), headers } }
    case 'verify':
      return { path: `/api/tickets/${t}/verify`, init: { method: 'POST', body: form(item), headers } }
    case 'sheet':
      return { path: `/api/rounds/${item.fields.round_id}/sheets`, init: { method: 'POST', body: form(item), headers } }
    case 'survey':
      return {
        path: `/api/rounds/${item.fields.round_id}/survey`,
        init: { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: item.fields.body },
      }
    case 'progress':
      return { path: `/api/tasks/${item.taskId}/progress`, init: { method: 'POST', body: form(item), headers } }
    case 'handoff':
      return {
        path: `/api/tickets/${t}/handoff`,
        init: {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            department_id: Number(item.fields.department_id),
            note: item.fields.note ?? '',
          }),
        },
      }
  }
}

export async function sendItem(item: OutboxItem): Promise<SendResult> {
  const { path, init } = request(item)
  const res = await rawFetch(path, init) // throws NetworkError when the server is not reached
  if (res.ok) {
    let body: unknown
    try {
      body = await res.json()
    } catch {
      body = undefined
    }
    return { status: res.status, body }
  }
  const { detail, code } = await errorMessage(res)
  const retryAfterMs = retryAfter(res.headers.get('Retry-After'), Date.now())
  const result: SendResult = { status: res.status, detail }
  if (code) result.code = code
  if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs
  return result
}

/** Retry-After in milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
