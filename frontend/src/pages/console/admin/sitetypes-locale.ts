/** Strings of the site-types page (desk-only: loaded with the page, not precached by phones). */
import { i18n } from '@/i18n'

const zhCN = {
  cc: {
    admin: {
      siteTypes: {
        code: '代码',
        name: '名称',
        state: '状态',
        add: '新增类型',
        rename: '改名',
        hint: '代码用小写字母、数字和下划线；停用的类型不再接收新点位，也不参加随机抽取。',
      },
    },
  },
}

const en: typeof zhCN = {
  cc: {
    admin: {
      siteTypes: {
        code: 'Code',
        name: 'Name',
        state: 'State',
        add: 'Add type',
        rename: 'Rename',
        hint: 'Codes use lower-case letters, digits and _; a disabled type takes no new sites and is not drawn.',
      },
    },
  },
}

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
