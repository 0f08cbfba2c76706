/** Strings of the site-types page (en). */
import type zhCN from './sitetypes.zh-CN'

export default {
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
} satisfies typeof zhCN
