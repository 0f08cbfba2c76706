/** ISO weeks and the bulletin's rows, read from GET /api/bulletin (app/stats). */
import type { components } from '@/api/schema.gen'

type S = components['schemas']

export type GroupKey = 'road' | 'chief' | 'zone' | 'department'

export interface Row {
  key: string
  rank: number | null
  name: string
  sub: string
  new: number | null
  closed: number | null
  due: number | null
  closeRate: number | null
  inTimeRate: number | null
  reworkRate: number | null
  overdue: number | null
  avgHours: number | null
  score: number | null
  grade: string | null
  /** Position of the grade word in the settings' ladder (0 best), -1 for 不参评. */
  gradeLevel: number
  tied: boolean
  bottom: boolean
  /** Zones only: the 挂包领导 who answers for it. */
  leader: string
}

/** 任务清单 per lead unit (a department, else the owner), as app/tasks/service.weekly gives it. */
export type TaskUnit = S['TaskUnit']

/** A 专项整治 running in the week (app/campaigns/service.weekly). */
export type CampaignRun = S['CampaignRun']

/** The 通报 around the tables (app/stats/document.py). */
export type NoticeDoc = S['NoticeDocument']

export interface Bulletin {
  week: string
  /** 第49周 and 2026年第49周: the words the print page and the workbook use too. */
  weekName: string
  weekTitle: string
  start: string
  end: string
  weights: { label: string; value: number }[]
  groups: Partial<Record<GroupKey, Row[]>>
  tasks: TaskUnit[]
  campaigns: CampaignRun[]
  doc: NoticeDoc | null
}

/** "2026-W48" for a date, by ISO 8601 (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(d: Date): string {
  const day = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))
  const dow = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - dow)
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** The Monday of an ISO week. */
export function weekMonday(week: string): Date {
  const m = /^(\d{4})-W(\d{2})$/.exec(week)
  if (!m) return new Date()
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4))
  const monday = new Date(jan4)
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(m[2]) - 1) * 7)
  return monday
}

export function shiftWeek(week: string, by: number): string {
  const d = weekMonday(week)
  d.setUTCDate(d.getUTCDate() + 7 * by + 3)
  return isoWeek(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}

/** One row of GET /api/bulletin (app/stats/views.py). */
export interface RawRow {
  id: number
  name: string
  chief?: string | null
  leader?: string | null
  title?: string | null
  level?: number | null
  code?: string
  new: number
  closed: number
  due: number
  overdue: number
  closure_rate: number | null
  on_time_rate: number | null
  rework_rate: number | null
  avg_rectify_hours: number | null
  score: number | null
  grade: string | null
  rank: number | null
  tied?: boolean
  bottom: boolean
}

export interface RawBulletin {
  week: string
  week_name?: string
  week_title?: string
  first_day: string
  last_day: string
  settings?: Record<string, unknown>
  sections: Partial<Record<GroupKey, RawRow[]>>
  tasks?: TaskUnit[]
  campaigns?: CampaignRun[]
  document?: NoticeDoc
}

function row(r: RawRow, ladder: string[]): Row {
  return {
    key: String(r.id),
    rank: r.rank,
    name: r.name,
    sub: r.chief ?? r.title ?? '',
    new: r.new,
    closed: r.closed,
    due: r.due,
    closeRate: r.closure_rate,
    inTimeRate: r.on_time_rate,
    reworkRate: r.rework_rate,
    overdue: r.overdue,
    avgHours: r.avg_rectify_hours,
    score: r.score,
    grade: r.grade,
    gradeLevel: r.grade ? ladder.indexOf(r.grade) : -1,
    tied: r.tied ?? false,
    bottom: r.bottom,
    leader: r.leader ?? '',
  }
}

/** Grade words best first, from the settings' {word: lowest score} mapping. */
function gradeLadder(settings: Record<string, unknown>): string[] {
  const grades = (settings.grades ?? {}) as Record<string, number>
  return Object.entries(grades)
    .sort((a, b) => b[1] - a[1])
    .map(([word]) => word)
}

/** Setting name → the column it weighs (keys of cc.bulletin). */
const WEIGHT_LABELS: Record<string, string> = {
  closure: 'closeRate',
  on_time: 'inTimeRate',
  rework: 'reworkRate',
  overdue: 'overdue',
}

/** The server ranks and marks the bottom units; rows come in rank order, unscored ones last. */
export function normalise(raw: RawBulletin): Bulletin {
  const groups: Bulletin['groups'] = {}
  const w = raw.settings ?? {}
  const ladder = gradeLadder(w)
  for (const [key, rows] of Object.entries(raw.sections ?? {}) as [GroupKey, RawRow[]][])
    groups[key] = rows.map((r) => row(r, ladder))
  const weights = Object.entries(WEIGHT_LABELS)
    .filter(([k]) => typeof w[`weight_${k}`] === 'number')
    .map(([k, label]) => ({ label, value: w[`weight_${k}`] as number }))
  return {
    week: raw.week,
    weekName: raw.week_name ?? raw.week,
    weekTitle: raw.week_title ?? raw.week,
    start: raw.first_day,
    end: raw.last_day,
    weights,
    groups,
    tasks: raw.tasks ?? [],
    campaigns: raw.campaigns ?? [],
    doc: raw.document ?? null,
  }
}
