/** Strings of the units' 测评 pages (en). */
import type zhCN from './unit.zh-CN'

export default {
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
} satisfies typeof zhCN
