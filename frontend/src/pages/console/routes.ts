/**
 * Supervisor / admin console (desktop layout). Every page is its own lazy chunk so the field app's
 * first route never carries the console; the router guards them to supervisor and admin roles.
 */
import type { RouteRecordRaw } from 'vue-router'

export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '/console',
    component: () => import('./ConsoleLayout.vue'),
    meta: { roles: ['supervisor', 'admin'] },
    children: [
      { path: '', component: () => import('./LiveMapPage.vue') },
      { path: 'dispatch', component: () => import('./DispatchPage.vue') },
      { path: 'tickets/:id(\\d+)', component: () => import('./TicketDetailPage.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'bulletin', component: () => import('./BulletinPage.vue') },
      { path: 'eval', component: () => import('./evaluation/EvalRoundsPage.vue') },
      { path: 'eval/:id(\\d+)', component: () => import('./evaluation/EvalRoundPage.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'ledger', component: () => import('./LedgerPage.vue') },
      { path: 'notify', component: () => import('./NotifyPage.vue'), meta: { roles: ['admin'] } },
      { path: 'triage', component: () => import('./citizens/TriagePage.vue') },
      { path: 'publish', component: () => import('./citizens/PublishPage.vue') },
      { path: 'campaigns', component: () => import('./CampaignsPage.vue') },
      { path: 'campaigns/:id(\\d+)', component: () => import('./CampaignPage.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'tasks', component: () => import('./TasksPage.vue') },
      {
        path: 'admin',
        component: () => import('./admin/AdminLayout.vue'),
        meta: { roles: ['admin'] },
        children: [
          { path: '', redirect: '/console/admin/users' },
          { path: 'users', component: () => import('./admin/UsersPage.vue') },
          { path: 'areas', component: () => import('./admin/AreasPage.vue') },
          { path: 'org', component: () => import('./admin/OrgPage.vue') },
          { path: 'categories', component: () => import('./admin/CategoriesPage.vue') },
          { path: 'sitetypes', component: () => import('./admin/SiteTypesPage.vue') },
          { path: 'calendar', component: () => import('./admin/CalendarPage.vue') },
          { path: 'audit', component: () => import('./admin/AuditPage.vue') },
        ],
      },
    ],
  },
]
