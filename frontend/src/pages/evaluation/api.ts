/** 测评 on the phone: rounds fetched when online and kept on the device for offline scoring. */
import { api, NetworkError } from '@/api/client'
import type { components } from '@/api/schema.gen'

type S = components['schemas']
export type EvalSite = S['RoundSite']
export type ChecklistItem = S['ChecklistItem']
export type Question = S['SurveyQuestionRead']
export type EvalRound = S['RoundDetail']
export type RoundSummary = S['RoundSummary']

const KEY = 'rc.eval.'

function remember<T>(name: string, value: T): T {
  try {
    localStorage.setItem(KEY + name, JSON.stringify({ at: Date.now(), value }))
  } catch {
    /* storage full: the online copy still works */
  }
  return value
}

function recall<T>(name: string): { at: number; value: T } | null {
  try {
    return JSON.parse(localStorage.getItem(KEY + name) ?? 'null') as { at: number; value: T } | null
  } catch {
    return null
  }
}

/** Online: the server's answer, kept. Offline: the kept copy with its time (or the error). */
async function cached<T>(name: string, path: string): Promise<{ value: T; cachedAt: number | null }> {
  try {
    return { value: remember(name, await api<T>(path)), cachedAt: null }
  } catch (e) {
    const kept = recall<T>(name)
    if (e instanceof NetworkError && kept) return { value: kept.value, cachedAt: kept.at }
    throw e
  }
}

export const loadRounds = () => cached<{ data: RoundSummary[] }>('rounds', '/api/rounds')
export const loadRound = (id: number) => cached<EvalRound>(`round.${id}`, `/api/rounds/${id}`)

/** Sites whose sheet waits in the outbox, per round: shown as done before the server knows. */
export function queuedSites(roundId: number): number[] {
  return recall<number[]>(`queued.${roundId}`)?.value ?? []
}
export function markQueued(roundId: number, siteId: number): void {
  remember(`queued.${roundId}`, [...new Set([...queuedSites(roundId), siteId])])
}
/** The server has the site's sheet: no longer waiting on this phone. */
export function sheetRecorded(roundId: number, siteId: number): void {
  remember(`queued.${roundId}`, queuedSites(roundId).filter((id) => id !== siteId))
}

export function checklistFor(round: EvalRound, site: EvalSite): ChecklistItem[] {
  return round.checklist.filter((i) => !i.site_types.length || i.site_types.includes(site.type))
}

/** Points an item costs: per occurrence, capped per site (the server computes the same). */
export function itemPoints(item: ChecklistItem, occurrences: number): number {
  return Math.min(occurrences * item.points, item.cap)
}

/** A unit's own 测评 (chiefs and departments): its sites, deductions and what to rectify. */
export type MySite = S['MySite']
export type RoundRef = S['RoundRef']
export type MyDeduction = S['MyDeduction']
export type MyResults = S['MyResults']

export const loadMine = () => cached<MyResults>('mine', '/api/sites/mine')

export interface NewSelfCheck {
  name: string
  starts_on: string
  ends_on: string
  site_ids: number[]
}

/** 自查: the unit scores its own sites; it is its own inspector (no inspector_ids). */
export function createSelfCheck(body: NewSelfCheck): Promise<{ id: number }> {
  return api<{ id: number }>('/api/rounds', { method: 'POST', json: { ...body, kind: 'self', inspector_ids: [] } })
}

export function closeRound(id: number): Promise<unknown> {
  return api(`/api/rounds/${id}/close`, { method: 'POST' })
}
