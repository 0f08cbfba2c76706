/** Tasks (任务清单) for the phone: fetched online, the last copy kept for opening offline. */
import { friendlyError } from '@/lib/errors'
import { ref } from 'vue'
import { api } from '@/api/client'
import type { Light } from '@/api/types'

export interface TaskMilestone {
  id: number
  seq: number
  name: string
  due_on: string
  due_at: string
  done_at: string | null
}

export interface TaskProgress {
  id: number
  kind: 'progress' | 'complete'
  note: string
  author: { id: number; name: string } | null
  milestone_id: number | null
  created_at: string
  /** reused_from: the earlier report or ticket whose photo this is again (empty when new). */
  photos: { url: string; thumb_url: string; reused_from?: ({ progress_id: number } | { ticket_id: number; number: string })[] }[]
}

export interface Task {
  id: number
  title: string
  description: string
  status: 'open' | 'completed'
  owner: { id: number; username: string; name: string; title: string | null } | null
  lead_department: { id: number; name: string } | null
  cooperating_departments: { id: number; name: string }[]
  light: Light | null
  overdue: boolean
  current_milestone: { id: number; name: string; due_on: string; due_at: string } | null
  escalation_level: number
  escalated_to: { id: number; name: string } | null
  milestones: TaskMilestone[]
  progress?: TaskProgress[]
}

function cached<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

export function useTaskFetch<T>(key: string, path: () => string) {
  const data = ref<T | null>(cached<T>(key))
  const error = ref('')
  const loading = ref(false)
  async function load(): Promise<void> {
    loading.value = true
    error.value = ''
    try {
      data.value = await api<T>(path())
      localStorage.setItem(key, JSON.stringify(data.value))
    } catch (e) {
      error.value = friendlyError(e)
    } finally {
      loading.value = false
    }
  }
  return { data, error, loading, load }
}
