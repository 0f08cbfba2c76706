/** The console's side of issue 11: triage of citizens' reports, reviews, and publishing. */
import { api } from '@/api/client'

export interface IntakeReport {
  id: number
  channel: 'citizen' | 'open311'
  status: string
  status_label: string
  category: { code: string; name: string | null }
  description: string
  lat: number
  lon: number
  address: string
  phone: string | null
  contact_name: string | null
  created_at: string
  triage_due_at: string
  light: 'green' | 'yellow' | 'red' | null
  photos: { id: number; url: string; thumb_url: string }[]
  candidates: { id: number; number: string; status: string; distance_m: number }[]
  ticket: { id: number; number: string } | null
}

export interface Review {
  id: number
  label: string
  reason: string
  created_at: string
  ticket: { id: number; number: string; status: string }
}

export interface CandidatePhoto {
  id: number
  kind: 'before' | 'after'
  url: string
  thumb_url: string
  width: number
  height: number
}

export interface Candidate {
  id: number
  number: string
  status: string
  rework_count: number
  due_at: string | null
  unit: string
  photos: CandidatePhoto[]
}

export interface Publication {
  id: number
  board: 'results' | 'exposure'
  title: string
  road: string
  unit: string
  published_at: string
  withdrawn_at: string | null
  ticket: { id: number; number: string }
  photos: { url: string }[]
}

type Ticketed = { status: string; ticket: { id: number; number: string } }

export const triageQueue = () => api<{ data: IntakeReport[]; count: number }>('/api/citizen/triage')
export const accept = (id: number, note: string) =>
  api<Ticketed>(`/api/citizen/triage/${id}/accept`, { method: 'POST', json: { note } })
/** Into a ticket given by id (a suggestion) or by the number staff type in. */
export const merge = (id: number, target: number | string, note: string) =>
  api<Ticketed>(`/api/citizen/triage/${id}/merge`, {
    method: 'POST',
    json: typeof target === 'number' ? { ticket_id: target, note } : { number: target.trim(), note },
  })
export const reject = (id: number, reason: string) =>
  api<unknown>(`/api/citizen/triage/${id}/reject`, { method: 'POST', json: { reason } })
export const reviews = () => api<Review[]>('/api/citizen/reviews')
export const decide = (id: number, decision: 'uphold' | 'reopen', note: string) =>
  api<unknown>(`/api/citizen/reviews/${id}`, { method: 'POST', json: { decision, note } })
export const candidates = (board: string) => api<Candidate[]>(`/api/citizen/publications/candidates?board=${board}`)
export const publications = () => api<Publication[]>('/api/citizen/publications')
export const publish = (body: unknown) => api<unknown>('/api/citizen/publications', { method: 'POST', json: body })
export const withdraw = (id: number) => api<unknown>(`/api/citizen/publications/${id}/withdraw`, { method: 'POST' })
