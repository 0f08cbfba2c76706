/** The console's side of issue 11: triage of citizens' reports, reviews, and publishing. */
import { api } from '@/api/client'
import type { components } from '@/api/schema.gen'

type S = components['schemas']
export type IntakeReport = S['IntakeReport']
export type Review = S['ReviewRow']
export type Ticketed = S['Ticketed']

export type CandidatePhoto = S['CandidatePhoto']
export type Candidate = S['Candidate']
export type Publication = S['PublicationRow']

export const triageQueue = () => api<S['TriageQueue']>('/api/citizen/triage')
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
