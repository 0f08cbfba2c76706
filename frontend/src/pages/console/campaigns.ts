/** Campaign shapes (app/campaigns) shared by the list and the campaign page. */
export interface Figures {
  found: number
  rectified: number
  overdue: number
  due: number
  on_time: number
  on_time_rate: number | null
  meets_target: boolean | null
}

export interface CampaignRow {
  id: number
  name: string
  description: string
  starts_on: string
  ends_on: string
  department_id: number | null
  category_codes: string[]
  zone_ids: number[]
  target_value: number
  target_unit: string
  target_rate: number
  status: 'upcoming' | 'active' | 'ended'
  totals: Figures
}

export interface UnitRow extends Figures {
  id: number | null
  name: string
}

export interface PhotoRef {
  url: string
  thumb_url: string
}

export interface CampaignDetail extends Omit<CampaignRow, 'status' | 'totals'> {
  figures: {
    status: CampaignRow['status']
    totals: Figures
    by_unit: UnitRow[]
    by_zone: UnitRow[]
    trend: { day: string; found: number; rectified: number }[]
  }
  gallery: { ticket_id: number; number: string; before: PhotoRef; after: PhotoRef }[]
}

export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`)
