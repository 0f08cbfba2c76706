/**
 * Paths the server answers itself, never the cached app shell: the API, the OpenAPI schema,
 * the API docs (Swagger UI at /docs, ReDoc at /redoc, their assets under /docs/) and the
 * server-rendered print pages under /api/.
 */
export const NAVIGATION_DENYLIST: RegExp[] = [
  /^\/api\//,
  /^\/openapi\.json$/,
  /^\/docs(\/|$)/,
  /^\/redoc(\/|$)/,
]

export function servedByServer(pathname: string): boolean {
  return NAVIGATION_DENYLIST.some((re) => re.test(pathname))
}
