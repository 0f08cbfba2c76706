/** Same-origin fetch wrapper: cookie session, CSRF header, JSON errors as ApiError. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Raised when the request never reached the server (offline, DNS, reset). */
export class NetworkError extends Error {
  constructor(message = 'network') {
    super(message)
    this.name = 'NetworkError'
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)rc_csrf=([^;]+)/)
  return m?.[1] ? decodeURIComponent(m[1]) : ''
}

let onUnauthorized: (() => void) | null = null
/** The app registers what to do when the session is gone (go to login). */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn
}

export function notifyUnauthorized(): void {
  onUnauthorized?.()
}

export async function errorMessage(res: Response): Promise<{ detail: string; code?: string }> {
  try {
    const body = (await res.json()) as { detail?: unknown; code?: string }
    const d = body.detail
    if (typeof d === 'string') return { detail: d, code: body.code }
    // FastAPI validation errors: a list of {loc, msg}.
    if (Array.isArray(d)) return { detail: d.map((e: { msg?: string }) => e.msg ?? '').join('; '), code: body.code }
  } catch {
    /* not JSON */
  }
  return { detail: `HTTP ${res.status}` }
}

/** Low-level request; resolves with the Response for any HTTP status, throws NetworkError otherwise. */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json')
  if (UNSAFE.has(method)) headers.set('X-CSRF-Token', csrfToken())
  try {
    return await fetch(path, { ...init, method, headers, credentials: 'same-origin' })
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : String(e))
  }
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init
  if (json !== undefined) {
    rest.body = JSON.stringify(json)
    rest.headers = { ...(rest.headers as Record<string, string>), 'Content-Type': 'application/json' }
  }
  const res = await rawFetch(path, rest)
  if (!res.ok) {
    const { detail, code } = await errorMessage(res)
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.()
    throw new ApiError(res.status, detail, code)
  }
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}
