/** Admin endpoints (app/admin): people, the org chart, categories, the calendar, the audit trail. */
import { friendlyError } from '@/lib/errors'
import { api } from '@/api/client'
import type { Role } from '@/api/types'
import type { components } from '@/api/schema.gen'

type S = components['schemas']
/** A road, zone or grid a person holds; `member`: a 网格员 of the grid, not its 网格长. */
export type Held = S['AdminUserRead']['grids'][number]
export type AdminUser = S['AdminUserRead']
export type PersonRef = S['UserRef']
export type ZoneRow = S['AreaZone']
/** GET /api/admin/areas: a town with its 一级路长 and its 片区. */
export type AreaRow = S['AreaRead']
/** PUT /api/admin/users/{id}/holdings: what a person is to hold (anything else is let go). */
export type Holdings = S['HoldingsIn']

export interface Feature<P> {
  type: 'Feature'
  id: number
  geometry: { type: string; coordinates: unknown }
  properties: P
}
export type Person = S['ChiefRef']
export type RoadProps = S['RoadProperties']
export type ZoneProps = S['ZoneProperties']
export type GridProps = S['GridProperties']
export interface Collection<P> {
  type: 'FeatureCollection'
  features: Feature<P>[]
}

export type Reroute = S['ReroutePreview']
export type AuditEntry = S['AuditEntry']

export const ROLES: Role[] = ['inspector', 'chief', 'department', 'supervisor', 'admin', 'leader']

export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', json: body })
export const post = <T>(path: string, body: unknown) => api<T>(path, { method: 'POST', json: body })
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', json: body })

export const upload = <T>(path: string, form: FormData) => api<T>(path, { method: 'POST', body: form })

export function message(e: unknown): string {
  return friendlyError(e)
}
