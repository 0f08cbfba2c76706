import { Locale as VantLocale } from 'vant/es/locale'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'

export type Locale = 'zh-CN' | 'en'
const KEY = 'rc.locale'

function initial(): Locale {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'
}

// zh-CN is in the first script; English (and Vant's English) is fetched when someone picks it.
// Messages come precompiled (vite.config.ts): the runtime-only vue-i18n has no compiler.
export const i18n = createI18n<[typeof zhCN], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN } as Record<Locale, typeof zhCN>,
})

/** The locale the user picked last time: the app mounts once its messages are in. */
export function savedLocale(): Locale {
  return initial()
}

export async function setLocale(locale: Locale): Promise<void> {
  localStorage.setItem(KEY, locale)
  if (locale === 'en') {
    const [{ default: en }, { default: enUS }] = await Promise.all([import('./locales/en'), import('vant/es/locale/lang/en-US')])
    // Merged, not set: console and 测评 strings may have been merged into 'en' already.
    i18n.global.mergeLocaleMessage('en', en)
    VantLocale.use('en-US', enUS)
  } else {
    VantLocale.use('zh-CN', vantZhCN)
  }
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
