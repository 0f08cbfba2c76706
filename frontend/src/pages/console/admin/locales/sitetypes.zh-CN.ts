/** Strings of the site-types page (zh-CN; precompiled by @intlify/unplugin-vue-i18n). */
export default {
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
