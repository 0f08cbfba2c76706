/** Strings of a unit's 测评 screens (my sites, deductions, 自查), merged when one is opened. */
import { i18n } from '@/i18n'
import en from './locales/unit.en'
import zhCN from './locales/unit.zh-CN'

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
