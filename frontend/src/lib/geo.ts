/** Coordinates: stored as WGS-84 always; converted only to show on Chinese maps or open their apps. */
import gcoord from 'gcoord'

export type LonLat = [number, number]

export function wgsToGcj(lon: number, lat: number): LonLat {
  return gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as LonLat
}
export function gcjToWgs(lon: number, lat: number): LonLat {
  return gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as LonLat
}
export function wgsToBd(lon: number, lat: number): LonLat {
  return gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09) as LonLat
}

const f6 = (n: number) => n.toFixed(6)

export type NavApp = 'amap' | 'baidu' | 'tencent' | 'apple'

/** Navigation links; 高德, 腾讯 and Apple Maps (in China) use GCJ-02, 百度 uses BD-09. */
export function navigationLinks(lat: number, lon: number, name: string): Record<NavApp, string> {
  const [glon, glat] = wgsToGcj(lon, lat)
  const [blon, blat] = wgsToBd(lon, lat)
  const n = encodeURIComponent(name)
  return {
    amap: `https://uri.amap.com/marker?position=${f6(glon)},${f6(glat)}&name=${n}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${f6(blat)},${f6(blon)}&title=${n}&content=${n}&coord_type=bd09ll&output=html&src=webapp.roadchief`,
    tencent: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${f6(glat)},${f6(glon)};title:${n};addr:${n}&referer=roadchief`,
    apple: `https://maps.apple.com/?ll=${f6(glat)},${f6(glon)}&q=${n}`,
  }
}

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_008.8
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}
