/** 随手拍, tracking links and the public boards: endpoints that need no account. */
import { api, errorMessage, rawFetch, ApiError } from '@/api/client'
import { uuid } from '@/lib/uuid'
import type { components } from '@/api/schema.gen'

type S = components['schemas']
export type CitizenCategory = S['CitizenCategory']
export type Stage = S['Tracking']['stage']
export type Score = S['Score']
export type Tracking = S['Tracking']
export type Filed = S['Filed']

export type PublicPhoto = S['PublicPhoto']
export type PublicItem = S['PublicItem']
export type Board = S['Board']
export type BoardPage = S['BoardPage']

const DEVICE = 'rc.device'
const MINE = 'rc.myReports'

/** A random id kept on this phone: lets the server limit reports per device without knowing who. */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE)
  if (!id) {
    id = uuid()
    localStorage.setItem(DEVICE, id)
  }
  return id
}

/** Tracking links of reports filed from this phone, newest first. */
export function myReports(): { token: string; at: string; category: string }[] {
  try {
    return JSON.parse(localStorage.getItem(MINE) ?? '[]') as { token: string; at: string; category: string }[]
  } catch {
    return []
  }
}

export function rememberReport(token: string, category: string): void {
  const list = [{ token, at: new Date().toISOString(), category }, ...myReports().filter((r) => r.token !== token)]
  localStorage.setItem(MINE, JSON.stringify(list.slice(0, 20)))
}

export const citizenCategories = () => api<CitizenCategory[]>('/api/citizen/categories')
export const townCenter = () => api<{ lat: number | null; lon: number | null }>('/api/citizen/area')
export const track = (token: string) => api<Tracking>(`/api/citizen/track/${encodeURIComponent(token)}`)
export const rate = (token: string, score: Score, reason: string) =>
  api<{ score: Score }>(`/api/citizen/track/${encodeURIComponent(token)}/rating`, { method: 'POST', json: { score, reason } })
export const boardPage = (board: Board, page = 1) => api<BoardPage>(`/api/public/boards/${board}?page=${page}`)

/** Send the report; the retry after a lost answer carries the same Idempotency-Key. */
export async function fileReport(form: FormData, key: string): Promise<Filed> {
  const res = await rawFetch('/api/citizen/reports', {
    method: 'POST',
    body: form,
    headers: { 'Idempotency-Key': key, 'X-Device-Id': deviceId() },
  })
  if (!res.ok) {
    const { detail, code } = await errorMessage(res)
    const retry = res.headers.get('Retry-After')
    throw new ApiError(res.status, retry ? `${detail} (${retry}s)` : detail, code)
  }
  return (await res.json()) as Filed
}
