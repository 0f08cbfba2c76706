/** ISO weeks and the bulletin's rows, read from GET /api/bulletin (app/stats). */

export type GroupKey = 'road' | 'chief' | 'zone' | 'department'

export interface Row {
  key: string
  rank: number
  name: string
  sub: string
  new: number | null
  closed: number | null
  closeRate: number | null
  inTimeRate: number | null
  reworkRate: number | null
  overdue: number | null
  avgHours: number | null
  score: number | null
  grade: string | null
  bottom: boolean
}

export interface Bulletin {
  week: string
  start: string
  end: string
  weights: string
  groups: Partial<Record<GroupKey, Row[]>>
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

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function num(o: Obj, ...keys: string[]): number | null {
  for (const k of keys) {
    const v = o[k]
    if (typeof v === 'number' && Number.isFinite(v)) return v
  }
  return null
}

function str(o: Obj, ...keys: string[]): string {
  for (const k of keys) {
    const v = o[k]
    if (typeof v === 'string') return v
    if (isObj(v) && typeof v.name === 'string') return v.name
  }
  return ''
}

/** A rate as a fraction: servers may send 0.85 or 85. */
function rate(o: Obj, ...keys: string[]): number | null {
  const v = num(o, ...keys)
  return v === null ? null : v > 1 ? v / 100 : v
}

function row(o: Obj, i: number, n: number): Row {
  const avgSeconds = num(o, 'avg_rectify_seconds')
  const avgHours = avgSeconds !== null ? avgSeconds / 3600 : num(o, 'avg_rectify_hours', 'avg_hours_to_rectify', 'avg_rectify_h')
  const rank = num(o, 'rank') ?? i + 1
  const entity = isObj(o.entity) ? o.entity : o
  return {
    key: String(entity.id ?? o.id ?? o.key ?? i),
    rank,
    name: str(entity, 'name', 'label') || str(o, 'road', 'chief', 'zone', 'department'),
    sub: str(o, 'chief_name', 'title') || (isObj(o.chief) ? String(o.chief.name ?? '') : ''),
    new: num(o, 'new', 'new_count', 'reported'),
    closed: num(o, 'closed', 'closed_count'),
    closeRate: rate(o, 'closed_rate', 'close_rate', 'closure_rate', 'closed_ratio'),
    inTimeRate: rate(o, 'in_time_rate', 'closed_in_time_rate', 'on_time_rate', 'in_time_ratio'),
    reworkRate: rate(o, 'rework_rate', 'reworked_rate', 'rework_ratio'),
    overdue: num(o, 'overdue', 'overdue_now', 'overdue_count'),
    avgHours,
    score: num(o, 'score'),
    grade: str(o, 'grade') || null,
    bottom: typeof o.bottom === 'boolean' ? o.bottom : typeof o.bottom_three === 'boolean' ? o.bottom_three : n > 3 && rank > n - 3,
  }
}

const ALIASES: Record<GroupKey, string[]> = {
  road: ['road', 'roads', 'by_road'],
  chief: ['chief', 'chiefs', 'by_chief'],
  zone: ['zone', 'zones', 'by_zone'],
  department: ['department', 'departments', 'by_department'],
}

/** Tolerant reading of the bulletin JSON: the tables may sit at the top or under "groups"/"tables". */
export function normalise(raw: unknown): Bulletin {
  const o = isObj(raw) ? raw : {}
  const holder = isObj(o.groups) ? o.groups : isObj(o.tables) ? o.tables : o
  const groups: Bulletin['groups'] = {}
  for (const [key, names] of Object.entries(ALIASES) as [GroupKey, string[]][]) {
    for (const n of names) {
      let list = holder[n]
      if (isObj(list) && Array.isArray(list.rows)) list = list.rows
      if (Array.isArray(list)) {
        const rows = list.filter(isObj)
        groups[key] = rows.map((r, i) => row(r, i, rows.length)).sort((a, b) => a.rank - b.rank)
        break
      }
    }
  }
  const weights = isObj(o.weights)
    ? Object.entries(o.weights)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(' · ')
    : ''
  return {
    week: str(o, 'week'),
    start: str(o, 'start', 'from', 'week_start').slice(0, 10),
    end: str(o, 'end', 'to', 'week_end').slice(0, 10),
    weights,
    groups,
  }
}
