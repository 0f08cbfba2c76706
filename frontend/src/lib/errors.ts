/**
 * What a person reads when a request fails, in their language. The server's `detail` is English
 * for programmers; its stable `code` picks our own words (errors.* in the locales). A detail the
 * server already wrote in Chinese (a refused location, say) is specific and is shown as it is.
 */
import { ApiError, NetworkError } from '@/api/client'
import { i18n } from '@/i18n'

/** Written in Chinese: more Chinese characters than Latin letters (not an English sentence with a gloss). */
function chinese(text: string): boolean {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0
  return cjk > (text.match(/[A-Za-z]/g)?.length ?? 0)
}

/** The words for an error answer: by its code, else a generic message with the status. */
export function errorText(status: number, code?: string | null, detail?: string | null): string {
  const { t, te } = i18n.global
  if (detail && chinese(detail) && i18n.global.locale.value !== 'en') return detail
  if (code && te(`errors.${code}`)) return t(`errors.${code}`)
  return status >= 500 ? t('common.serverError', { status }) : t('errors.unknown', { status })
}

export function friendlyError(e: unknown): string {
  const t = i18n.global.t
  // The browser's own words ("Failed to fetch", "Load failed", "NetworkError when …") mean no network.
  if (e instanceof NetworkError || (e instanceof TypeError && /fetch|network|load failed/i.test(e.message))) {
    return t('common.networkError')
  }
  if (e instanceof ApiError) return errorText(e.status, e.code, /^HTTP \d+$/.test(e.message) ? null : e.message)
  return t('common.loadFailed')
}
