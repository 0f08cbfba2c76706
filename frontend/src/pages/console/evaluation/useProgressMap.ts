/** The round's progress map: sites done (green), to do (grey) and flagged (orange). */
import { onBeforeUnmount, type Ref } from 'vue'
import { baseLayers, L, toDisplay } from '@/lib/map'
import { reference } from '@/reference'
import type { RoundDetail } from './types'

export const SITE_COLOURS = { done: '#22c55e', todo: '#94a3b8', flagged: '#f59e0b' } as const

export function siteState(s: RoundDetail['sites'][number]): keyof typeof SITE_COLOURS {
  if (!s.sheet) return 'todo'
  return s.sheet.far ? 'flagged' : 'done'
}

export function useProgressMap(el: Ref<HTMLElement | undefined>, onPick: (siteId: number) => void) {
  let map: L.Map | null = null
  const layer = L.layerGroup()

  function draw(round: RoundDetail): void {
    if (!el.value) return
    const base = baseLayers(reference.tiandituKey)[0]
    if (!map && base) {
      map = L.map(el.value, { zoomControl: true })
      base.layer.addTo(map)
      layer.addTo(map)
    }
    if (!map || !base) return
    layer.clearLayers()
    const points: L.LatLngTuple[] = []
    for (const s of round.sites) {
      const at = toDisplay(base.gcj, s.lat, s.lon)
      points.push(at)
      L.circleMarker(at, { radius: 8, color: '#0f172a', weight: 1, fillColor: SITE_COLOURS[siteState(s)], fillOpacity: 0.95 })
        .bindTooltip(`${s.name}${s.sheet ? ` · ${s.sheet.score}` : ''}`)
        .on('click', () => onPick(s.id))
        .addTo(layer)
    }
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.15))
  }

  onBeforeUnmount(() => map?.remove())
  return { draw }
}
