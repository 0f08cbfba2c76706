/** Leaflet set-up, loaded on demand so the first screen stays small. */
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { gcjToWgs, wgsToGcj } from './geo'

// No "Leaflet" link and flag before the tile credits: the credits that matter are the map providers'.
L.Control.Attribution.mergeOptions({ prefix: false })

export type BaseLayerId = 'tianditu' | 'osm' | 'amap'

export interface BaseLayerDef {
  id: BaseLayerId
  layer: L.Layer
  /** 高德 tiles are in GCJ-02: positions are shifted for display only. */
  gcj: boolean
}

export function baseLayers(tiandituKey: string): BaseLayerDef[] {
  const defs: BaseLayerDef[] = []
  if (tiandituKey) {
    const tdt = (layer: string) =>
      L.tileLayer(
        `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tiandituKey}`,
        { subdomains: '01234567', maxZoom: 18, attribution: '© 天地图' },
      )
    defs.push({ id: 'tianditu', layer: L.layerGroup([tdt('vec'), tdt('cva')]), gcj: false })
  }
  defs.push({
    id: 'amap',
    layer: L.tileLayer('https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}', {
      subdomains: '1234',
      maxZoom: 18,
      attribution: '© 高德地图',
    }),
    gcj: true,
  })
  defs.push({
    id: 'osm',
    layer: L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '© OpenStreetMap',
    }),
    gcj: false,
  })
  return defs
}

export function toDisplay(gcj: boolean, lat: number, lon: number): L.LatLngTuple {
  if (!gcj) return [lat, lon]
  const [x, y] = wgsToGcj(lon, lat)
  return [y, x]
}

export function fromDisplay(gcj: boolean, ll: L.LatLng): { lat: number; lon: number } {
  if (!gcj) return { lat: ll.lat, lon: ll.lng }
  const [lon, lat] = gcjToWgs(ll.lng, ll.lat)
  return { lat, lon }
}

export { L }
