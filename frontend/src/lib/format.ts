/** Time formatting for deadlines and lists. */
import { i18n } from '@/i18n'

const t = (key: string, n?: number) => i18n.global.t(key, { n })

/** "3天4小时" / "2小时5分钟" — the two largest units of a duration. */
export function duration(ms: number): string {
  const min = Math.max(1, Math.floor(Math.abs(ms) / 60_000))
  const d = Math.floor(min / 1440)
  const h = Math.floor((min % 1440) / 60)
  const m = min % 60
  if (d) return t('time.d', d) + (h ? t('time.h', h) : '')
  if (h) return t('time.h', h) + (m ? t('time.m', m) : '')
  return t('time.m', m)
}

export function countdown(dueAt: string | null, now = Date.now()): { text: string; overdue: boolean } | null {
  if (!dueAt) return null
  const left = new Date(dueAt).getTime() - now
  return left >= 0
    ? { text: i18n.global.t('ticket.remaining', { t: duration(left) }), overdue: false }
    : { text: i18n.global.t('ticket.overdueBy', { t: duration(left) }), overdue: true }
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

export function shortTime(iso: string | number): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  const today = new Date()
  const sameDay = d.toDateString() === today.toDateString()
  return sameDay ? `${p(d.getHours())}:${p(d.getMinutes())}` : `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** "420 米" / "1.6 公里" in Chinese, "420 m" / "1.6 km" in English. */
export function distanceText(m: number): string {
  return m < 1000 ? i18n.global.t('unit.m', { n: Math.round(m) }) : i18n.global.t('unit.km', { n: (m / 1000).toFixed(1) })
}
