/**
 * Supervisor / admin console (desktop layout). Add console pages here as children; the router
 * guards them to supervisor and admin roles.
 */
import type { RouteRecordRaw } from 'vue-router'

export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '/console',
    component: () => import('./ConsoleHome.vue'),
    meta: { roles: ['supervisor', 'admin'] },
  },
]
