/** Error toasts speak the user's language: the server's code picks the words, not its English detail. */
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '@/locales/en'
import zhCN from '@/locales/zh-CN'
// Where the server names its error codes.
import coreErrors from '../../app/core/errors.py?raw'
import main from '../../app/main.py?raw'
import health from '../../app/health/views.py?raw'
import abuse from '../../app/citizens/abuse.py?raw'

// The real messages, without the app's i18n module (it pulls Vant into a Node test).
const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
vi.mock('@/i18n', () => ({ i18n }))

const { ApiError, NetworkError } = await import('@/api/client')
const { errorText, friendlyError } = await import('@/lib/errors')

function inLocale<T>(locale: 'zh-CN' | 'en', fn: () => T): T {
  i18n.global.locale.value = locale
  try {
    return fn()
  } finally {
    i18n.global.locale.value = 'zh-CN'
  }
}

describe('friendlyError', () => {
  it("shows Chinese for the server's English detail, chosen by its code", () => {
    const closed = new ApiError(409, 'ticket 20261130-0001 is closed: you cannot add a photo to it now', 'conflict')
    expect(friendlyError(closed)).toBe('工单状态已变化，此操作现在不能进行，请刷新后查看')
    expect(friendlyError(new ApiError(403, 'you may not dispatch (派遣) ticket 1', 'forbidden'))).toBe('没有权限进行此操作')
    expect(friendlyError(new ApiError(503, 'the server is busy; try again shortly', 'busy'))).toBe('服务器繁忙，请稍后再试')
  })

  it('keeps a detail the server already wrote in Chinese: it is the specific reason', () => {
    const far = new ApiError(422, '位置在辖区外约 12.0 公里，超出受理范围', 'invalid')
    expect(friendlyError(far)).toBe('位置在辖区外约 12.0 公里，超出受理范围')
  })

  it('falls back to a generic Chinese message for a code it does not know, never the English', () => {
    const odd = friendlyError(new ApiError(418, 'I am a teapot', 'teapot'))
    expect(odd).toBe('操作未成功（418），请稍后再试或联系管理员')
    expect(friendlyError(new ApiError(502, 'HTTP 502'))).toBe('服务器暂时无法处理（502），请稍后再试')
    expect(friendlyError(new NetworkError('Failed to fetch'))).toBe('网络不通，请检查网络后重试')
    expect(friendlyError(new TypeError('Failed to fetch'))).toBe('网络不通，请检查网络后重试')
  })

  it('speaks English in the English UI, the Chinese detail included', () => {
    inLocale('en', () => {
      expect(friendlyError(new ApiError(409, 'ticket is closed', 'conflict'))).toMatch(/^The ticket has changed/)
      expect(errorText(422, 'invalid', '位置在辖区外')).toBe('Some input is not valid; check it and try again')
    })
  })

  it('has words for every code the server can answer, in both languages', () => {
    const text = [coreErrors, main, health, abuse].join('\n')
    const codes = new Set([...text.matchAll(/(?:code = |"code": )"(\w+)"/g)].map((m) => m[1]!))
    expect(codes.size).toBeGreaterThan(10)
    for (const locale of ['zh-CN', 'en'] as const) {
      const missing = [...codes].filter((c) => !i18n.global.te(`errors.${c}`, locale))
      expect(missing, `${locale} lacks errors.* for`).toEqual([])
    }
  })
})
