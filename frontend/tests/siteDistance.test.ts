import { describe, expect, it } from 'vitest'
import { isFar, siteDistanceM, type SiteGeometry } from '@/lib/siteDistance'
// The same table pytest runs against the server's rule (tests/core/test_geo.py).
import table from '../../tests/cases/site_distance.json'

interface Case {
  name: string
  geometry: SiteGeometry
  lat: number
  lon: number
  radius_m: number | null
  distance_m: number
  far: boolean
}

describe('the site-distance rule, as the server measures it', () => {
  it.each((table.cases as Case[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = siteDistanceM(c.geometry, c.lat, c.lon)
    expect(Math.abs(d - c.distance_m)).toBeLessThanOrEqual(0.01)
    expect(isFar(d, c.radius_m)).toBe(c.far)
  })
})
