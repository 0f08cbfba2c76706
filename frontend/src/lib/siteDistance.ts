/**
 * How far the phone is from a 测评 site, in metres — the twin of the server's rule
 * (app/core/geo.py: site_distance_m, is_far), held to it by tests/cases/site_distance.json, which
 * both test suites run. To a Point: the great circle; to a road: its nearest point; inside a
 * polygon 0, outside it its nearest edge. Change both or neither.
 */
import { distanceM } from '@/lib/geo'

/** A site with no radius of its own: how far a check-in may be before it is flagged. */
export const DEFAULT_SITE_RADIUS_M = 50

type Pos = number[]
type Ring = Pos[]

export interface SiteGeometry {
  type: string
  coordinates?: unknown
  geometries?: SiteGeometry[]
}

function parts(g: SiteGeometry): { points: Pos[]; lines: Ring[]; polygons: Ring[][] } {
  const c = g.coordinates as never
  switch (g.type) {
    case 'Point':
      return { points: [c], lines: [], polygons: [] }
    case 'MultiPoint':
      return { points: c, lines: [], polygons: [] }
    case 'LineString':
      return { points: [], lines: [c], polygons: [] }
    case 'MultiLineString':
      return { points: [], lines: c, polygons: [] }
    case 'Polygon':
      return { points: [], lines: [], polygons: [c] }
    case 'MultiPolygon':
      return { points: [], lines: [], polygons: c }
    case 'GeometryCollection': {
      const out = { points: [] as Pos[], lines: [] as Ring[], polygons: [] as Ring[][] }
      for (const part of (g.geometries ?? []).map(parts)) {
        out.points.push(...part.points)
        out.lines.push(...part.lines)
        out.polygons.push(...part.polygons)
      }
      return out
    }
    default:
      throw new Error(`not a GeoJSON geometry: ${g.type}`)
  }
}

function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** The line's nearest point to (lat, lon) on a flat projection centred there, as [lon, lat]. */
function nearestOnLine(line: Ring, lat: number, lon: number, k: number): Pos {
  const first = line[0] as [number, number]
  if (line.length === 1) return first
  let best = Infinity
  let near: Pos = first
  for (let i = 1; i < line.length; i++) {
    const [a0, a1] = line[i - 1] as [number, number]
    const [b0, b1] = line[i] as [number, number]
    const ax = (a0 - lon) * k, ay = a1 - lat
    const dx = (b0 - lon) * k - ax, dy = b1 - lat - ay
    const len = dx * dx + dy * dy
    const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0
    const x = ax + t * dx, y = ay + t * dy
    const d = x * x + y * y
    if (d < best) {
      best = d
      near = [lon + x / k, lat + y]
    }
  }
  return near
}

/** Metres from (lat, lon) to a site's geometry, as the server measures a check-in. */
export function siteDistanceM(geometry: SiteGeometry, lat: number, lon: number): number {
  const { points, lines, polygons } = parts(geometry)
  for (const rings of polygons) {
    const [outer, ...holes] = rings
    if (outer && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat))) return 0
  }
  let best = Infinity
  for (const p of points) best = Math.min(best, distanceM({ lat, lon }, { lat: p[1]!, lon: p[0]! }))
  const k = Math.max(Math.cos((lat * Math.PI) / 180), 1e-9)
  for (const line of [...lines, ...polygons.flat()]) {
    if (!line.length) continue
    const near = nearestOnLine(line, lat, lon, k)
    best = Math.min(best, distanceM({ lat, lon }, { lat: near[1]!, lon: near[0]! }))
  }
  return best
}

/** A check-in further from the site than its radius is flagged (not refused). */
export function isFar(distance: number, radiusM: number | null | undefined): boolean {
  return distance > (radiusM ?? DEFAULT_SITE_RADIUS_M)
}
