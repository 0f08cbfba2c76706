/** Strings of the site-types page (desk-only: loaded with the page, not precached by phones). */
import { i18n } from '@/i18n'
import en from './locales/sitetypes.en'
import zhCN from './locales/sitetypes.zh-CN'

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
