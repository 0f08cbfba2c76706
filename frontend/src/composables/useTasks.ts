/** Tasks (任务清单) for the phone: fetched online, the last copy kept for opening offline. */
import { friendlyError } from '@/lib/errors'
import { ref } from 'vue'
import { api } from '@/api/client'
import type { components } from '@/api/schema.gen'

type S = components['schemas']
export type TaskMilestone = S['MilestoneRead']
export type TaskProgress = S['ProgressRead']
/** A task as the list answers it; one read alone adds its progress and events. */
export type Task = S['TaskRead'] & Partial<Pick<S['TaskDetail'], 'progress' | 'events'>>

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
