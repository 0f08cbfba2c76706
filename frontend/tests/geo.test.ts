import { describe, expect, it } from 'vitest'
import { distanceM, gcjToWgs, navigationLinks, wgsToBd, wgsToGcj } from '@/lib/geo'
import { targetSize } from '@/lib/image'

const town = { lat: 31.0122, lon: 119.8843 } // the demo town, WGS-84

function param(url: string, name: string): string {
  return new URL(url).searchParams.get(name) ?? ''
}

describe('coordinates for Chinese maps', () => {
  it('shifts WGS-84 to GCJ-02 by a few hundred metres inside China and back again', () => {
    const [glon, glat] = wgsToGcj(town.lon, town.lat)
    const shift = distanceM(town, { lat: glat, lon: glon })
    expect(shift).toBeGreaterThan(100)
    expect(shift).toBeLessThan(1000)
    const [lon, lat] = gcjToWgs(glon, glat)
    expect(distanceM(town, { lat, lon })).toBeLessThan(1)
  })

  it('leaves positions outside China alone', () => {
    const [lon, lat] = wgsToGcj(2.3522, 48.8566)
    expect(lon).toBeCloseTo(2.3522, 6)
    expect(lat).toBeCloseTo(48.8566, 6)
  })

  it('opens 高德 and Apple Maps at GCJ-02 and 百度 at BD-09', () => {
    const links = navigationLinks(town.lat, town.lon, '非法小广告')
    const [glon, glat] = wgsToGcj(town.lon, town.lat)
    const [blon, blat] = wgsToBd(town.lon, town.lat)
    expect(param(links.amap, 'position')).toBe(`${glon.toFixed(6)},${glat.toFixed(6)}`)
    expect(param(links.amap, 'coordinate')).toBe('gaode')
    expect(param(links.apple, 'll')).toBe(`${glat.toFixed(6)},${glon.toFixed(6)}`)
    expect(param(links.baidu, 'location')).toBe(`${blat.toFixed(6)},${blon.toFixed(6)}`)
    expect(param(links.baidu, 'coord_type')).toBe('bd09ll')
    expect(param(links.amap, 'name')).toBe('非法小广告')
  })
})

describe('photo compression size', () => {
  it('brings the long edge down to 1920 px keeping the aspect', () => {
    expect(targetSize(4032, 3024)).toEqual({ width: 1920, height: 1440 })
    expect(targetSize(3024, 4032)).toEqual({ width: 1440, height: 1920 })
  })

  it('never enlarges a small photo', () => {
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 })
  })

  it('stays within the canvas area limit whatever the edge limit', () => {
    const { width, height } = targetSize(20000, 20000, 20000)
    expect(width * height).toBeLessThanOrEqual(16_777_216)
  })
})
