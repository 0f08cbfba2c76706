/** Strings of a unit's 测评 screens (my sites, deductions, 自查), merged when one is opened. */
import { i18n } from '@/i18n'

const zhCN = {
  evaluation: {
    unit: {
      sites: '我的点位',
      deductions: '扣分整改',
      selfChecks: '自查',
      noSites: '暂无由您负责的点位',
      notScored: '未测评',
      noDeductions: '已发布的测评中没有扣分',
      lost: '扣 {points} 分（{n} 处）',
      noTicket: '不派单',
      inspecting: '我参与测评的轮次',
    },
    self: {
      new: '新建自查',
      needsNetwork: '新建自查需要联网；已有的自查可离线测评。',
      none: '还没有自查',
      name: '名称',
      defaultName: '{y}年{m}月{d}日自查',
      from: '开始',
      to: '结束',
      day: '{y}年{m}月{d}日',
      sites: '点位（已选 {n}/{total}）',
      all: '全选',
      none_: '全不选',
      hint: '自查由本单位自己测评、自己结束；进行中只有本单位和指挥中心可见，结束后得分发布。',
      create: '创建并开始自查',
      created: '自查已创建',
      badDates: '结束日期早于开始日期',
      pickSites: '请至少选择一个点位',
      close: '结束自查',
      closeConfirm: '结束本次自查？得分将冻结。',
      closed: '自查已结束',
      state: { open: '进行中', closed: '已结束' },
    },
  },
}

const en: typeof zhCN = {
  evaluation: {
    unit: {
      sites: 'My sites',
      deductions: 'Deductions',
      selfChecks: 'Self-checks',
      noSites: 'No sites are yours',
      notScored: 'Not scored',
      noDeductions: 'No deductions in published rounds',
      lost: '−{points} ({n}×)',
      noTicket: 'No ticket',
      inspecting: 'Rounds I inspect',
    },
    self: {
      new: 'New self-check',
      needsNetwork: 'Creating a self-check needs the network; existing ones can be scored offline.',
      none: 'No self-checks yet',
      name: 'Name',
      defaultName: 'Self-check {y}-{m}-{d}',
      from: 'From',
      to: 'To',
      day: '{y}-{m}-{d}',
      sites: 'Sites ({n}/{total} chosen)',
      all: 'All',
      none_: 'None',
      hint: 'Your unit scores and closes its self-check; while open only your unit and the command centre see it, closed its scores are published.',
      create: 'Create and start',
      created: 'Self-check created',
      badDates: 'The end is before the start',
      pickSites: 'Choose at least one site',
      close: 'Close the self-check',
      closeConfirm: 'Close this self-check? Its scores are frozen.',
      closed: 'Self-check closed',
      state: { open: 'Open', closed: 'Closed' },
    },
  },
}

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
