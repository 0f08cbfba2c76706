/** What a person reads when a request fails: the server's own message, or plain words for the rest. */
import { ApiError, NetworkError } from '@/api/client'
import { i18n } from '@/i18n'

export function friendlyError(e: unknown): string {
  const t = i18n.global.t
  // The browser's own words ("Failed to fetch", "Load failed", "NetworkError when …") mean no network.
  if (e instanceof NetworkError || (e instanceof TypeError && /fetch|network|load failed/i.test(e.message))) {
    return t('common.networkError')
  }
  if (e instanceof ApiError) return /^HTTP \d+$/.test(e.message) ? t('common.serverError', { status: e.status }) : e.message
  return t('common.loadFailed')
}
