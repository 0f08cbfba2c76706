/** Shapes of the RoadChief HTTP API (see notes/api.md). */

export type Role = 'inspector' | 'chief' | 'department' | 'supervisor' | 'admin' | 'leader'
export type TicketStatus = 'pending' | 'assigned' | 'rectified' | 'closed' | 'dismissed'
export type Light = 'green' | 'yellow' | 'red'

export interface Ref {
  id: number
  name: string
}
export interface UserRef extends Ref {
  username: string
}
export interface Department extends Ref {
  code: string
}

export interface Me {
  id: number
  username: string
  name: string
  role: Role
  level: number | null
  title: string | null
  department: Department | null
}

export interface Category {
  code: string
  name: string
  parent_code: string | null
  department: Department | null
  limit_value: number | null
  limit_unit: 'work_hours' | 'work_days' | 'hours' | null
  keywords: string | string[] | null
}

export interface Photo {
  id: number
  kind: 'before' | 'after' | 'verify'
  url: string
  thumb_url: string
  /** Who took it: a 整改前 photo may come from another inspector who found the same problem. */
  uploaded_by?: UserRef | null
}

export interface TicketEvent {
  id: number
  action: string
  from_status: TicketStatus | null
  to_status: TicketStatus | null
  note: string | null
  actor: UserRef | null
  created_at: string
}

export interface Ticket {
  id: number
  number: string
  status: TicketStatus
  status_label: string
  category: string
  category_name: string
  description: string | null
  lat: number
  lon: number
  accuracy_m: number | null
  road: Ref | null
  zone: Ref | null
  assignee: UserRef | null
  department: Department | null
  lead_department: Department | null
  reporter: UserRef | null
  captured_at: string | null
  received_at: string
  updated_at: string
  due_at: string | null
  light: Light | null
  overdue: boolean
  rework_count: number
  escalation_level: number
  closed_in_time?: boolean | null
  photos: Photo[]
  can: Partial<Record<'rectify' | 'verify' | 'dispatch' | 'handoff' | 'dismiss' | 'escalate' | 'add_photo', boolean>>
  events?: TicketEvent[]
}

export interface Page<T> {
  data: T[]
  count: number
}

export interface RoadFeature {
  type: 'Feature'
  geometry: { type: 'LineString' | 'MultiLineString'; coordinates: number[][] | number[][][] }
  properties: {
    id: number
    name: string
    zone: Ref | null
    chief: (UserRef & { level: number }) | null
  }
}
export interface RoadCollection {
  type: 'FeatureCollection'
  features: RoadFeature[]
}
