import { describe, expect, it } from 'vitest'
import type { RoadCollection } from '@/api/types'
import { inAnyZone, nearestRoads, roadAt } from '@/lib/roads'

const roads = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[120, 30], [120.01, 30]] }, properties: { id: 1, name: '人民路', zone: null, chief: null } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[120, 30.005], [120.01, 30.005]] }, properties: { id: 2, name: '解放路', zone: null, chief: null } },
  ],
} as unknown as RoadCollection
const zones = {
  features: [{ geometry: { type: 'Polygon' as const, coordinates: [[[119.99, 29.99], [120.02, 29.99], [120.02, 30.02], [119.99, 30.02], [119.99, 29.99]]] } }],
}

describe('roads on the phone', () => {
  it('names the road within the routing radius, as the server routes', () => {
    expect(roadAt(roads, 30.0001, 120.005)?.feature.properties.name).toBe('人民路') // 11 m off
    expect(roadAt(roads, 30.0025, 120.005)).toBeNull() // 280 m from both
    expect(nearestRoads(roads, 30.004, 120.005, 2).map((r) => r.feature.properties.id)).toEqual([2, 1])
  })

  it('tells a point outside every zone', () => {
    expect(inAnyZone(zones, 30.0, 120.0)).toBe(true)
    expect(inAnyZone(zones, 30.1, 120.0)).toBe(false)
    expect(inAnyZone(null, 30.0, 120.0)).toBe(false)
  })
})
