/** Console endpoints (app/console, app/live, app/stats, app/exports) and the reference data pages share. */
import { reactive } from 'vue'
import { api } from '@/api/client'
import type { components } from '@/api/schema.gen'
import type { Department, Light, RoadCollection, Ticket, TicketStatus, ZoneCollection, ZoneFeature } from '@/api/types'

type S = components['schemas']

export const STATUSES: TicketStatus[] = ['pending', 'assigned', 'rectified', 'closed', 'dismissed']
export const OPEN: TicketStatus[] = ['pending', 'assigned', 'rectified']

/** A ticket on the map: a dot (zoomed in) or, from the live stream and duplicates, its summary. */
export type Summary = S['TicketDot'] & Partial<S['TicketSummary']>
export type Cluster = S['Cluster']
export type ClusterAnswer = S['ClusterView'] | S['TicketDotView']

export interface StreamFrame {
  event: { id: number; action: string; from_status: TicketStatus | null; to_status: TicketStatus | null; created_at: string }
  ticket: Summary
}

export type Duplicate = S['Duplicate']
export type { ZoneCollection, ZoneFeature }
/** A person as GET /api/users answers (dispatch targets, chiefs). */
export type Chief = S['UserRead']

/** Full ticket as GET /api/tickets/{id} answers it (the generated type: every field). */
export type ConsoleTicket = Ticket

export interface Filters {
  status: TicketStatus[]
  category: string
  zone: string
  road: string
  assignee: string
  since: string
  until: string
  overdue: boolean
}

export function emptyFilters(): Filters {
  return { status: [...OPEN], category: '', zone: '', road: '', assignee: '', since: '', until: '', overdue: false }
}

/** Filters as query parameters, in the form app/console/filters.py reads them. */
export function filterParams(f: Filters): URLSearchParams {
  const q = new URLSearchParams()
  if (f.status.length && f.status.length < STATUSES.length) q.set('status', f.status.join(','))
  for (const k of ['category', 'zone', 'road', 'assignee', 'since', 'until'] as const) if (f[k]) q.set(k, f[k])
  if (f.overdue) q.set('overdue', '1')
  return q
}

/** Whether a ticket pushed by the stream belongs on a map filtered this way. */
export function matches(f: Filters, s: Summary): boolean {
  if (f.status.length && !f.status.includes(s.status)) return false
  if (f.category && !s.category.startsWith(f.category)) return false
  if (f.zone && String(s.zone?.id ?? '') !== f.zone) return false
  if (f.road && String(s.road?.id ?? '') !== f.road) return false
  if (f.assignee && String(s.assignee?.id ?? '') !== f.assignee) return false
  if (f.overdue && !s.overdue) return false
  if (f.since && s.received_at && s.received_at.slice(0, 10) < f.since) return false
  if (f.until && s.received_at && s.received_at.slice(0, 10) >= f.until) return false
  return true
}

/** Roads, zones, chiefs and departments, loaded once per console visit. */
export const org = reactive({
  roads: null as RoadCollection | null,
  zones: null as ZoneCollection | null,
  chiefs: [] as Chief[],
  departments: [] as Department[],
})

let loading: Promise<void> | null = null
export function loadOrg(): Promise<void> {
  loading ??= Promise.all([
    api<RoadCollection>('/api/roads').then((v) => (org.roads = v)),
    api<ZoneCollection>('/api/zones').then((v) => (org.zones = v)),
    api<Chief[]>('/api/users?role=chief').then((v) => (org.chiefs = v)),
    api<Department[]>('/api/departments').then((v) => (org.departments = v)),
  ]).then(
    () => undefined,
    (e: unknown) => {
      loading = null
      throw e
    },
  )
  return loading
}

export interface DispatchTarget {
  road_id?: number
  grid_id?: number
  assignee_id?: number
  department_id?: number
  note: string
}

export function dispatch(id: number, target: DispatchTarget): Promise<ConsoleTicket> {
  return api<ConsoleTicket>(`/api/tickets/${id}/dispatch`, { method: 'POST', json: target })
}

export function dismiss(id: number, body: { reason: 'invalid' | 'duplicate'; duplicate_of?: number; note: string }): Promise<ConsoleTicket> {
  return api<ConsoleTicket>(`/api/tickets/${id}/dismiss`, { method: 'POST', json: body })
}

export function escalate(id: number, note: string): Promise<ConsoleTicket> {
  return api<ConsoleTicket>(`/api/tickets/${id}/escalate`, { method: 'POST', json: { note } })
}

export const STATE_COLOR: Record<TicketStatus, string> = {
  pending: '#a855f7',
  assigned: '#3b82f6',
  rectified: '#06b6d4',
  closed: '#64748b',
  dismissed: '#475569',
}
export const LIGHT_COLOR: Record<Light, string> = { green: '#22c55e', yellow: '#facc15', red: '#ef4444' }
