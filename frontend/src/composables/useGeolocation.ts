/** GPS watched from the moment a screen opens, keeping the best recent fix. */
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'

export interface Fix {
  lat: number
  lon: number
  accuracy: number
  at: number
}

export type GpsQuality = 'none' | 'good' | 'ok' | 'poor' | 'bad'

export const ACCEPT_M = 10
export const WARN_M = 50
export const PIN_M = 100
// A fix older than this is replaced by a fresh one even if the fresh one is less accurate.
const STALE_MS = 30_000

export function qualityOf(accuracy: number | undefined): GpsQuality {
  if (accuracy === undefined) return 'none'
  if (accuracy <= ACCEPT_M) return 'good'
  if (accuracy <= WARN_M) return 'ok'
  if (accuracy <= PIN_M) return 'poor'
  return 'bad'
}

export function useGeolocation() {
  const fix = ref<Fix | null>(null)
  const error = ref<'denied' | 'unavailable' | null>(null)
  let watchId: number | null = null

  function onPosition(pos: GeolocationPosition): void {
    const next: Fix = {
      lat: pos.coords.latitude,
      lon: pos.coords.longitude,
      accuracy: pos.coords.accuracy,
      at: pos.timestamp || Date.now(),
    }
    const cur = fix.value
    error.value = null
    if (!cur || next.accuracy <= ACCEPT_M || next.accuracy <= cur.accuracy || next.at - cur.at > STALE_MS) {
      fix.value = next
    }
  }

  function onError(e: GeolocationPositionError): void {
    if (e.code === e.PERMISSION_DENIED) error.value = 'denied'
    else if (!fix.value) error.value = 'unavailable'
  }

  onMounted(() => {
    if (!('geolocation' in navigator)) {
      error.value = 'unavailable'
      return
    }
    watchId = navigator.geolocation.watchPosition(onPosition, onError, {
      enableHighAccuracy: true,
      maximumAge: 10_000,
      timeout: 60_000,
    })
  })
  onBeforeUnmount(() => {
    if (watchId !== null) navigator.geolocation.clearWatch(watchId)
  })

  const quality = computed(() => qualityOf(fix.value?.accuracy))
  return { fix, error, quality }
}
