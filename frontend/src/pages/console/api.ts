/** Console endpoints (app/console, app/live, app/stats, app/exports) and the reference data pages share. */
import { reactive } from 'vue'
import { api } from '@/api/client'
import type { Department, Light, Ref, RoadCollection, Ticket, TicketStatus, UserRef } from '@/api/types'

export const STATUSES: TicketStatus[] = ['pending', 'assigned', 'rectified', 'closed', 'dismissed']
export const OPEN: TicketStatus[] = ['pending', 'assigned', 'rectified']

/** What the live stream and the duplicates endpoint say about a ticket. */
export interface Summary {
  id: number
  number: string
  status: TicketStatus
  status_label: string
  category: string
  category_name?: string
  lat: number
  lon: number
  light: Light | null
  overdue: boolean
  road?: Ref | null
  zone?: Ref | null
  assignee?: UserRef | null
  department?: Department | null
  due_at: string | null
  received_at?: string
  updated_at?: string
  rework_count?: number
  escalation_level?: number
  duplicate_of?: number | null
}

export interface Cluster {
  lat: number
  lon: number
  count: number
  status: Record<TicketStatus, number>
  light: Record<Light, number>
  ticket_id: number | null
}

export type ClusterAnswer =
  | { mode: 'clusters'; zoom: number; total: number; clusters: Cluster[] }
  | { mode: 'tickets'; zoom: number; total: number; truncated: boolean; tickets: Summary[] }

export interface StreamFrame {
  event: { id: number; action: string; from_status: TicketStatus | null; to_status: TicketStatus | null; created_at: string }
  ticket: Summary
}

export interface Duplicate {
  ticket: Summary
  reasons: ('nearby' | 'photo')[]
  distance_m: number
  hamming: number | null
}

export interface ZoneFeature {
  type: 'Feature'
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] }
  properties: { id: number; name: string; chief: (UserRef & { level: number }) | null }
}
export interface ZoneCollection {
  type: 'FeatureCollection'
  features: ZoneFeature[]
}

export interface Chief extends UserRef {
  role: string
  level: number | null
  title: string | null
}

/** Full ticket as GET /api/tickets/{id} answers it for a supervisor (more than the field app's type). */
export interface ConsoleTicket extends Ticket {
  flags: Record<string, unknown>
  route_candidates: { road_id: number; road_name: string | null; distance_m: number }[]
  /** On no road near where two grids meet: the grids it could belong to, nearest first. */
  grid_candidates?: { grid_id: number; grid_name: string | null; chief_id: number | null; distance_m: number }[]
  duplicate_of: { id: number; number: string } | null
  closed_in_time: boolean | null
  photos: (Ticket['photos'][number] & { original_url?: string; flags?: Record<string, unknown> })[]
  events?: (NonNullable<Ticket['events']>[number] & { data?: Record<string, unknown> | null; hash?: string })[]
}

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
