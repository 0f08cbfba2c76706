/** The command centre's figures: counts by state and overdue, the overdue list and the pending queue. */
import { computed, ref } from 'vue'
import { api } from '@/api/client'
import type { Page, Ticket, TicketStatus } from '@/api/types'
import { STATUSES } from './api'

export function useSummary() {
  const counts = ref<Record<TicketStatus | 'overdue', number | null>>({
    pending: null,
    assigned: null,
    rectified: null,
    closed: null,
    dismissed: null,
    overdue: null,
  })
  const queue = ref<Ticket[]>([])
  const queueCount = ref(0)
  const overdue = ref<Ticket[]>([])

  async function loadCounts(): Promise<void> {
    const one = (q: string) => api<Page<Ticket>>(`/api/tickets?limit=1&${q}`).then((p) => p.count)
    try {
      const values = await Promise.all([...STATUSES.map((s) => one(`status=${s}`)), one('overdue=1&status=pending,assigned,rectified')])
      counts.value = Object.fromEntries([...STATUSES, 'overdue'].map((k, i) => [k, values[i]])) as typeof counts.value
    } catch {
      /* keep the previous figures */
    }
  }

  async function loadOverdue(): Promise<void> {
    try {
      overdue.value = (await api<Page<Ticket>>('/api/tickets?overdue=1&status=pending,assigned,rectified&sort=light&limit=12')).data
    } catch {
      /* keep the previous list */
    }
  }

  async function loadQueue(): Promise<void> {
    try {
      const p = await api<Page<Ticket>>('/api/tickets?status=pending&limit=30&sort=-received_at')
      queue.value = p.data
      queueCount.value = p.count
    } catch {
      /* keep the previous queue */
    }
  }

  /** Take a dispatch's answer at once; the stream brings the committed change later. */
  function dispatched(updated: Ticket): void {
    queue.value = queue.value.filter((q) => q.id !== updated.id)
    queueCount.value = Math.max(0, queueCount.value - 1)
  }

  const totalOpen = computed(() => (counts.value.pending ?? 0) + (counts.value.assigned ?? 0) + (counts.value.rectified ?? 0))
  const loadAll = () => Promise.all([loadCounts(), loadOverdue(), loadQueue()])
  return { counts, queue, queueCount, overdue, totalOpen, loadCounts, loadOverdue, loadQueue, loadAll, dispatched }
}
