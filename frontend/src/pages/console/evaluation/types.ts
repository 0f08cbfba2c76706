/** The evaluation console's view of the API (app/evaluation). */
import type { components } from '@/api/schema.gen'

type S = components['schemas']

/** A unit (by key) or a zone (by id) on a round's scoreboard: the page lists both alike. */
export type RankRow = Omit<S['UnitScore'], 'key' | 'kind'> & Partial<Pick<S['UnitScore'], 'key' | 'kind'>> & { id?: number }

export type SiteScore = S['SiteScore']

export type Scores = Omit<S['RoundScores'], 'units' | 'zones'> & { units: RankRow[]; zones: RankRow[] }

export type RoundRow = components['schemas']['RoundSummary']

export type RoundDetail = components['schemas']['RoundDetail']

export type SheetPhoto = components['schemas']['SheetResultRead']['photos'][number]
export type SheetDetail = components['schemas']['SheetRead']

export type SurveyRate = S['SurveyRate']

export type SurveyResults = S['SurveyResults']

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`)
export const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2))
