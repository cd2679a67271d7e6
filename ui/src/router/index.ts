// Hash history: the app is served from files (tauri:// or file://), where
// there is no server to answer deep links.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import OutlineView from '../views/OutlineView.vue'
import ModuleView from '../views/ModuleView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: OutlineView },
  { path: '/courses/:courseId', name: 'course', component: OutlineView, props: true },
  {
    path: '/courses/:courseId/modules/:moduleId',
    name: 'module',
    component: ModuleView,
    props: true,
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
}
