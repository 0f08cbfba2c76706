/** Strings of the county pages (admin, campaigns, tasks), merged like the console's own. */
import { i18n } from '@/i18n'
import en from './locales/county.en'
import zhCN from './locales/county.zh-CN'

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
