/** The evaluation console's view of the API (app/evaluation). */
import type { components } from '@/api/schema.gen'

export interface RankRow {
  key?: string
  id?: number
  name: string
  sites: number
  score: number | null
  rank: number | null
  tied: boolean
  bottom: boolean
  delta: number | null
}

export interface SiteScore {
  id: number
  name: string
  type_name: string
  zone: string | null
  unit: string | null
  score: number | null
  far: boolean
  lat: number
  lon: number
}

export interface Scores {
  round: { id: number; name: string; status: string; kind_label: string; previous: { name: string } | null }
  totals: { sites: number; done: number; flagged: number; score: number | null }
  sites: SiteScore[]
  units: RankRow[]
  zones: RankRow[]
  items: { item_code: string; text: string; points_lost: number; sites: number; occurrences: number }[]
  tickets: { filed: number; closed: number; closure_rate: number | null }
}

export type RoundRow = components['schemas']['RoundSummary']

export type RoundDetail = components['schemas']['RoundDetail']

export type SheetPhoto = components['schemas']['SheetResultRead']['photos'][number]
export type SheetDetail = components['schemas']['SheetRead']

export interface SurveyRate {
  n: number
  rate: number | null
  low: number | null
  high: number | null
}

export interface SurveyResults {
  respondents: number
  questions: { code: string; text: string; measure: string; overall: SurveyRate; zones: (SurveyRate & { zone: string | null })[] }[]
}

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`)
export const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2))
