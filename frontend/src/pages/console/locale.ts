/** The console's strings, merged into the app's vue-i18n messages when the console chunk loads. */
import { i18n } from '@/i18n'
import en from './locales/console.en'
import zhCN from './locales/console.zh-CN'

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
