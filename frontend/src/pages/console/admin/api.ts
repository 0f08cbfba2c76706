/** Admin endpoints (app/admin): people, the org chart, categories, the calendar, the audit trail. */
import { friendlyError } from '@/lib/errors'
import { api } from '@/api/client'
import type { Role } from '@/api/types'

export interface Held {
  id: number
  name: string
  member?: boolean
}

export interface AdminUser {
  id: number
  username: string
  name: string
  role: Role
  level: number | null
  title: string | null
  phone: string | null
  area_id: number | null
  is_active: boolean
  department: { id: number; code: string; name: string } | null
  roads: Held[]
  zones: Held[]
  led_zones: Held[]
  grids: Held[]
}

export interface PersonRef {
  id: number
  username: string
  name: string
}
export interface ZoneRow {
  id: number
  name: string
  chief: PersonRef | null
  leader: PersonRef | null
  roads: number
  grids: number
}
/** GET /api/admin/areas: a town with its 一级路长 and its 片区. */
export interface AreaRow {
  id: number
  name: string
  leaders: PersonRef[]
  zones: ZoneRow[]
}
/** PUT /api/admin/users/{id}/holdings: what a person is to hold (anything else is let go). */
export interface Holdings {
  road_ids: number[]
  zone_ids: number[]
  led_zone_ids: number[]
  grid_ids: number[]
  member_grid_ids: number[]
}

export interface Feature<P> {
  type: 'Feature'
  id: number
  geometry: { type: string; coordinates: unknown }
  properties: P
}
export interface Person {
  id: number
  username: string
  name: string
  level: number | null
}
export interface RoadProps {
  id: number
  name: string
  zone: { id: number; name: string } | null
  chief: Person | null
}
export interface ZoneProps {
  id: number
  name: string
  area: { id: number; name: string }
  chief: Person | null
  leader: Person | null
}
export interface GridProps {
  id: number
  name: string
  zone: { id: number; name: string }
  chief: Person | null
  members: Person[]
}
export interface Collection<P> {
  type: 'FeatureCollection'
  features: Feature<P>[]
}

export interface Reroute {
  count: number
  tickets: { id: number; number: string; from: string | null; to: string | null }[]
}

export interface AuditEntry {
  id: number
  subject: string
  action: string
  actor: string | null
  changes: Record<string, unknown>
  created_at: string
}

export const ROLES: Role[] = ['inspector', 'chief', 'department', 'supervisor', 'admin', 'leader']

export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', json: body })
export const post = <T>(path: string, body: unknown) => api<T>(path, { method: 'POST', json: body })
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', json: body })

export const upload = <T>(path: string, form: FormData) => api<T>(path, { method: 'POST', body: form })

export function message(e: unknown): string {
  return friendlyError(e)
}
