import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from './api/types'
import { consoleRoutes } from './pages/console/routes'
import { checkSession, homeFor, session } from './session'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    roles?: Role[]
    /** Shown with the bottom tab bar. */
    tab?: boolean
  }
}

const FIELD: Role[] = ['inspector', 'supervisor', 'admin']
const CHIEF: Role[] = ['chief', 'department', 'supervisor', 'admin', 'leader']
const EVAL: Role[] = ['inspector', 'chief', 'department', 'supervisor', 'admin']
const UNIT: Role[] = ['chief', 'department']
const ids = (r: { params: Record<string, unknown> }) => ({ id: Number(r.params.id), siteId: Number(r.params.siteId) })

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { public: true },
    // Signed in already (the session cookie outlived this browser's storage, or '/' sent us here
    // before anyone asked the server): straight on, not the sign-in form.
    beforeEnter: async (to) => {
      if (!session.checked) await checkSession({ quiet: true })
      if (!session.me) return true
      const next = typeof to.query.redirect === 'string' && to.query.redirect.startsWith('/') && !to.query.redirect.startsWith('//') ? to.query.redirect : ''
      return next || homeFor(session.me.role)
    },
  },
  {
    path: '/',
    component: () => import('./layouts/MobileLayout.vue'),
    children: [
      { path: '', redirect: () => homeFor(session.me?.role) },
      { path: 'report', component: () => import('./pages/ReportPage.vue'), meta: { roles: FIELD, tab: true } },
      { path: 'mine', component: () => import('./pages/MyReportsPage.vue'), meta: { roles: FIELD, tab: true } },
      { path: 'verify', component: () => import('./pages/VerifyPage.vue'), meta: { roles: FIELD, tab: true } },
      { path: 'inbox', component: () => import('./pages/InboxPage.vue'), meta: { roles: CHIEF, tab: true } },
      { path: 'me', component: () => import('./pages/MePage.vue'), meta: { tab: true } },
      { path: 'eval', component: () => import('./pages/evaluation/EvalRoundsPage.vue'), meta: { roles: EVAL, tab: true } },
      { path: 'eval/self', component: () => import('./pages/evaluation/EvalSelfCheckPage.vue'), meta: { roles: UNIT } },
      { path: 'eval/:id(\\d+)', component: () => import('./pages/evaluation/EvalRoundPage.vue'), meta: { roles: EVAL }, props: ids },
      { path: 'eval/:id(\\d+)/sites/:siteId(\\d+)', component: () => import('./pages/evaluation/EvalSheetPage.vue'), meta: { roles: EVAL }, props: ids },
      { path: 'eval/:id(\\d+)/survey', component: () => import('./pages/evaluation/EvalSurveyPage.vue'), meta: { roles: EVAL }, props: ids },
      { path: 'tasks', component: () => import('./pages/TasksPage.vue'), meta: { roles: CHIEF, tab: true } },
      { path: 'tasks/:id(\\d+)', component: () => import('./pages/TaskPage.vue'), props: true },
      { path: 'outbox', component: () => import('./pages/OutboxPage.vue') },
      { path: 'tickets/:id(\\d+)', component: () => import('./pages/TicketPage.vue'), props: true },
    ],
  },
  ...consoleRoutes,
  // 随手拍, tracking links and the 曝光台: public, no account (issue 11).
  {
    path: '/s',
    component: () => import('./pages/citizen/CitizenLayout.vue'),
    meta: { public: true },
    children: [
      { path: '', component: () => import('./pages/citizen/SubmitPage.vue'), meta: { public: true } },
      { path: 't/:token', component: () => import('./pages/citizen/TrackPage.vue'), props: true, meta: { public: true } },
      { path: 'board', component: () => import('./pages/citizen/BoardPage.vue'), meta: { public: true } },
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.checked) {
    // With a cached user the app opens at once (and offline); the server check runs meanwhile.
    if (session.me) void checkSession()
    else await checkSession()
  }
  const me = session.me
  if (!me) return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  const roles = to.matched.flatMap((r) => r.meta.roles ?? [])
  if (roles.length && !roles.includes(me.role)) return homeFor(me.role)
  return true
})
