import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import { createI18n } from 'vue-i18n'
import en from './locales/en'
import zhCN from './locales/zh-CN'

export type Locale = 'zh-CN' | 'en'
const KEY = 'rc.locale'

function initial(): Locale {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initial(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export async function setLocale(locale: Locale): Promise<void> {
  i18n.global.locale.value = locale
  localStorage.setItem(KEY, locale)
  document.documentElement.lang = locale
  if (locale === 'en') {
    const { default: enUS } = await import('vant/es/locale/lang/en-US')
    VantLocale.use('en-US', enUS)
  } else {
    VantLocale.use('zh-CN', vantZhCN)
  }
}
