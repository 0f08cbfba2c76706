/** Reference data (categories, departments, map config) cached on the phone for offline use. */
import { reactive } from 'vue'
import { api } from './api/client'
import type { Category, Department, RoadCollection } from './api/types'

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : fallback
  } catch {
    return fallback
  }
}

export const reference = reactive({
  categories: load<Category[]>('rc.categories', []),
  departments: load<Department[]>('rc.departments', []),
  tiandituKey: load<string>('rc.tdtKey', (import.meta.env.VITE_TIANDITU_KEY as string | undefined) ?? ''),
  /** The town's extent [minLon, minLat, maxLon, maxLat] (WGS-84), where a map opens without GPS. */
  areaBbox: load<Bbox | null>('rc.areaBbox', null),
})

export type Bbox = [number, number, number, number]

async function refresh<T>(key: string, path: string, set: (v: T) => void): Promise<void> {
  try {
    const v = await api<T>(path)
    set(v)
    localStorage.setItem(key, JSON.stringify(v))
  } catch {
    /* keep the cached copy */
  }
}

export function refreshCategories(): Promise<void> {
  return refresh<Category[]>('rc.categories', '/api/categories', (v) => (reference.categories = v))
}
export function refreshDepartments(): Promise<void> {
  return refresh<Department[]>('rc.departments', '/api/departments', (v) => (reference.departments = v))
}
/** The 天地图 key comes from the server's settings when it exposes /api/config, else the build env. */
export function refreshConfig(): Promise<void> {
  return refresh<{ tianditu_key?: string; area_bbox?: Bbox | null }>('rc.config', '/api/config', (v) => {
    if (v.area_bbox) {
      reference.areaBbox = v.area_bbox
      localStorage.setItem('rc.areaBbox', JSON.stringify(v.area_bbox))
    }
    if (v.tianditu_key) {
      reference.tiandituKey = v.tianditu_key
      localStorage.setItem('rc.tdtKey', JSON.stringify(v.tianditu_key))
    }
  })
}

/** Sub-categories (the ones a ticket is filed under); classes have no parent. */
export function leafCategories(): Category[] {
  const parents = new Set(reference.categories.map((c) => c.parent_code).filter(Boolean))
  return reference.categories.filter((c) => c.parent_code !== null || !parents.has(c.code))
}

const RECENT_KEY = 'rc.recentCategories'
export function recentCategoryCodes(): string[] {
  return load<string[]>(RECENT_KEY, [])
}
export function rememberCategory(code: string): void {
  const next = [code, ...recentCategoryCodes().filter((c) => c !== code)].slice(0, 8)
  localStorage.setItem(RECENT_KEY, JSON.stringify(next))
}

export function keywordsOf(c: Category): string {
  return Array.isArray(c.keywords) ? c.keywords.join(' ') : (c.keywords ?? '')
}

// Roads, drawn on the maps so a pin can be placed even when no base tiles load.
let roadsPromise: Promise<RoadCollection | null> | null = null
const ROADS_KEY = 'rc.roads'
const ROADS_CACHE_MAX = 1_000_000 // characters; a big city's roads stay online-only

export function loadRoads(): Promise<RoadCollection | null> {
  roadsPromise ??= api<RoadCollection>('/api/roads')
    .then((roads) => {
      const text = JSON.stringify(roads)
      try {
        if (text.length < ROADS_CACHE_MAX) localStorage.setItem(ROADS_KEY, text)
      } catch {
        /* storage full */
      }
      return roads
    })
    .catch(() => {
      roadsPromise = null
      return load<RoadCollection | null>(ROADS_KEY, null)
    })
  return roadsPromise
}

/** The town's extent: from the server's settings, else from the roads the phone has cached. */
export async function areaBbox(): Promise<Bbox | null> {
  if (reference.areaBbox) return reference.areaBbox
  const roads = await loadRoads()
  const pts = (roads?.features ?? []).flatMap((f) =>
    (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates).flat() as number[][],
  )
  if (!pts.length) return null
  const xs = pts.map((p) => p[0]!)
  const ys = pts.map((p) => p[1]!)
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}
