/** 随手拍, tracking links and the public boards: endpoints that need no account. */
import { api, errorMessage, rawFetch, ApiError } from '@/api/client'
import { uuid } from '@/lib/uuid'

export interface CitizenCategory {
  code: string
  name: string
}

export type Stage = 'triage' | 'in_progress' | 'closed' | 'rejected' | 'dismissed'
export type Score = 'satisfied' | 'fair' | 'unsatisfied'

export interface Tracking {
  stage: Stage
  received_at: string
  category: string
  description: string
  reject_reason: string
  merged: boolean
  ticket: {
    number: string
    status: string
    status_label: string
    road: string
    due_at: string | null
    rectified_at: string | null
    closed_at: string | null
  } | null
  photos: string[]
  after_photos: string[]
  can_rate: boolean
  rating: { score: Score; label: string; reason: string } | null
}

export interface Filed {
  token: string
  tracking_url: string
  status: string
}

export interface PublicPhoto {
  kind: 'before' | 'after'
  url: string
  width: number
  height: number
}

export interface PublicItem {
  id: number
  board: Board
  title: string
  note: string
  road: string
  unit: string
  category: string
  published_at: string
  facts: { received_on: string; closed_on: string | null; overdue_days: number | null; rework_count: number }
  photos: PublicPhoto[]
}

export type Board = 'results' | 'exposure'

export interface BoardPage {
  board: Board
  page: number
  count: number
  data: PublicItem[]
  by_unit: { unit: string; count: number }[]
}

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
