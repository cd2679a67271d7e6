// Hash history: the app is served from files (tauri:// or file://), where
// there is no server to answer deep links.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import OutlineView from '../views/OutlineView.vue'
import ModuleView from '../views/ModuleView.vue'
import LibraryView from '../views/LibraryView.vue'
import QuizOverviewView from '../views/QuizOverviewView.vue'
import QuizAttemptView from '../views/QuizAttemptView.vue'
import QuizResultView from '../views/QuizResultView.vue'
import ReviewQueueView from '../views/ReviewQueueView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: OutlineView },
  { path: '/courses/:courseId', name: 'course', component: OutlineView, props: true },
  {
    path: '/courses/:courseId/modules/:moduleId',
    name: 'module',
    component: ModuleView,
    props: true,
  },
  { path: '/library', name: 'library', component: LibraryView },
  { path: '/courses/:courseId/quizzes/:quizId', name: 'quiz', component: QuizOverviewView, props: true },
  {
    path: '/courses/:courseId/quizzes/:quizId/attempts/:attemptId',
    name: 'quiz-attempt',
    component: QuizAttemptView,
    props: true,
  },
  {
    path: '/courses/:courseId/quizzes/:quizId/attempts/:attemptId/result',
    name: 'quiz-result',
    component: QuizResultView,
    props: true,
  },
  { path: '/review', name: 'review', component: ReviewQueueView },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
}
