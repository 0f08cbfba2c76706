/** Road names on the live map: placed on each line where they are seen, clear of ticket dots and of each other. */
import { L } from '@/lib/map'

export const LABEL_ZOOM = 14

export interface RoadLine {
  line: L.Polyline
  text: string
}

/** The point of a line nearest a screen point, measured in current screen pixels. */
function nearestOnLine(map: L.Map, line: L.Polyline, p: L.Point): L.LatLng | null {
  const parts = (Array.isArray(line.getLatLngs()[0]) ? line.getLatLngs() : [line.getLatLngs()]) as L.LatLng[][]
  let best: L.Point | null = null
  let bestD = Infinity
  for (const part of parts) {
    const pts = part.map((ll) => map.latLngToLayerPoint(ll))
    for (let i = 1; i < pts.length; i++) {
      const q = L.LineUtil.closestPointOnSegment(p, pts[i - 1]!, pts[i]!)
      const d = q.distanceTo(p)
      if (d < bestD) [best, bestD] = [q, d]
    }
  }
  return best ? map.layerPointToLatLng(best) : null
}

/**
 * Each road's name and chief on the line: at its middle for the whole town, and zoomed in at the
 * visible point nearest the centre, so a long road keeps its label on screen.
 */
export function placeLabels(map: L.Map | undefined, roads: RoadLine[], dots: L.LayerGroup, labels: L.LayerGroup): void {
  labels.clearLayers()
  if (!map || map.getZoom() < LABEL_ZOOM) return
  const town = map.getZoom() < LABEL_ZOOM + 1.5
  const centre = map.latLngToLayerPoint(map.getCenter())
  const view = map.getBounds()
  // Screen boxes already taken: every ticket dot and cluster, then each label placed.
  const taken: L.Bounds[] = []
  dots.eachLayer((l) => {
    const at = map.latLngToLayerPoint((l as L.Marker).getLatLng())
    const r = l instanceof L.CircleMarker ? 14 : 30
    taken.push(L.bounds([at.x - r, at.y - r], [at.x + r, at.y + r]))
  })
  for (const { line, text } of roads) {
    const at = town ? line.getCenter() : nearestOnLine(map, line, centre)
    if (!at || !view.contains(at)) continue
    const p = map.latLngToLayerPoint(at)
    const half = { x: text.length * 6.5 + 8, y: 10 }
    // Along the line's label point, then above and below it: the first spot clear of dots and labels.
    const spot = [0, -24, 24]
      .map((dy) => L.bounds([p.x - half.x, p.y + dy - half.y], [p.x + half.x, p.y + dy + half.y]))
      .find((b) => !taken.some((o) => o.intersects(b)))
    if (!spot) continue
    taken.push(spot)
    L.marker(map.layerPointToLatLng(spot.getCenter()), {
      icon: L.divIcon({ className: 'cc-road-label', html: `<span>${text}</span>`, iconSize: [0, 0] }),
      interactive: false,
      keyboard: false,
    }).addTo(labels)
  }
}
