/** Roads nearest a point, in metres: dispatch suggestions, where a report will go, the road under the pin (a town has tens of roads, a scan is fine). */
import type { RoadCollection, RoadFeature } from '@/api/types'

const R = 6_371_000

function lines(f: RoadFeature): number[][][] {
  return f.geometry.type === 'LineString' ? [f.geometry.coordinates as number[][]] : (f.geometry.coordinates as number[][][])
}

/** Distance from (lat, lon) to a segment, on a local flat projection (exact enough within a town). */
function toSegment(lat: number, lon: number, a: number[], b: number[]): number {
  const k = Math.cos((lat * Math.PI) / 180)
  const ax = (a[0]! - lon) * k, ay = a[1]! - lat
  const bx = (b[0]! - lon) * k, by = b[1]! - lat
  const dx = bx - ax, dy = by - ay
  const len = dx * dx + dy * dy
  const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0
  const x = ax + t * dx, y = ay + t * dy
  return (Math.sqrt(x * x + y * y) * Math.PI * R) / 180
}

export interface NearRoad {
  feature: RoadFeature
  distance: number
}

export function nearestRoads(roads: RoadCollection | null, lat: number, lon: number, n = 4): NearRoad[] {
  if (!roads) return []
  const out: NearRoad[] = []
  for (const f of roads.features) {
    let best = Infinity
    for (const line of lines(f))
      for (let i = 1; i < line.length; i++) best = Math.min(best, toSegment(lat, lon, line[i - 1]!, line[i]!))
    out.push({ feature: f, distance: best })
  }
  return out.sort((a, b) => a.distance - b.distance).slice(0, n)
}

/** Where the server will route a report (DESIGN: the nearest road within the routing radius), as the phone can tell from its cached roads. */
export const ROUTING_RADIUS_M = 30

export function roadAt(roads: RoadCollection | null, lat: number, lon: number, radius = ROUTING_RADIUS_M): NearRoad | null {
  const best = nearestRoads(roads, lat, lon, 1)[0]
  return best && best.distance <= radius ? best : null
}

type Ring = number[][]
interface ZoneLike {
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] }
}

function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside
  }
  return inside
}

/** Whether a point lies in any zone (片区) — outside every one, it is outside the town's area. */
export function inAnyZone(zones: { features: ZoneLike[] } | null, lat: number, lon: number): boolean {
  for (const z of zones?.features ?? []) {
    const polys = (z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates) as Ring[][]
    for (const [outer, ...holes] of polys) {
      if (outer && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat))) return true
    }
  }
  return false
}
