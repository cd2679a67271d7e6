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
import ProfilePickerView from '../views/ProfilePickerView.vue'
import SearchView from '../views/SearchView.vue'
import HomeView from '../views/HomeView.vue'
import ShortAnswerMarkingView from '../views/ShortAnswerMarkingView.vue'
import { recoveryGuard } from '../lib/recovery'

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * Touches no learner data, so it works without a profile, before the
     * machine is set up and with a damaged database: no first-run, lock or
     * admin set-up dialog covers it and the recovery screen does not replace it.
     */
    standalone?: boolean
    /** Uses the window's width rather than the reading column. */
    wide?: boolean
  }
}

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
  // A PDF handout of a course, shown in the app (module links to a .pdf open it).
  {
    path: '/courses/:courseId/pdf',
    name: 'pdf',
    component: () => import('../views/PdfView.vue'),
    props: (route) => ({ courseId: String(route.params.courseId), file: String(route.query.file ?? '') }),
  },
  // The course's glossary: every term and metric definition (module links open it at a term).
  {
    path: '/courses/:courseId/glossary',
    name: 'glossary',
    component: () => import('../views/GlossaryView.vue'),
    props: (route) => ({ courseId: String(route.params.courseId), term: String(route.query.term ?? '') }),
  },
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
  { path: '/profiles', name: 'profiles', component: ProfilePickerView },
  { path: '/my', name: 'learner-home', component: HomeView },
  { path: '/search', name: 'search', component: SearchView, props: (route) => ({ q: String(route.query.q ?? '') }) },
  { path: '/teach', name: 'teach', component: () => import('../views/TeachingHubView.vue') },
  { path: '/teach/short-answers', name: 'short-answer-marking', component: ShortAnswerMarkingView },
  // Answer keys a course update corrected, and regrading the attempts they affect.
  { path: '/teach/key-changes', name: 'key-changes', component: () => import('../views/KeyChangesView.vue') },
  // GIFT / Aiken files imported as a course's extra practice (instructors).
  { path: '/teach/questions', name: 'question-import', component: () => import('../views/QuestionImportView.vue') },
  {
    path: '/courses/:courseId/quizzes/:quizId/analysis',
    name: 'item-analysis',
    // Lazy: its chart brings ECharts, which no learner screen needs at start-up.
    component: () => import('../views/ItemAnalysisView.vue'),
    props: true,
  },
  // Practice tasks (learner page; instructor workbench, grading and moderation).
  { path: '/courses/:courseId/tasks/:taskId', name: 'task', component: () => import('../views/TaskView.vue'), props: true },
  // The learner's reaction survey (first level of the training-effect report).
  { path: '/courses/:courseId/survey', name: 'survey', component: () => import('../views/SurveyView.vue'), props: true },
  { path: '/teach/tasks', name: 'grading-queue', component: () => import('../views/GradingQueueView.vue') },
  // Every member of a course's classes with their figures (instructors and admins).
  { path: '/teach/classes', name: 'teach-classes', component: () => import('../views/ClassView.vue') },
  // Score distributions, marker agreement, marker figures and the gradebook export.
  { path: '/teach/analytics', name: 'teach-analytics', component: () => import('../views/GradingAnalyticsView.vue') },
  // Business-impact studies and the training-effect report (instructors and admins).
  { path: '/teach/impact', name: 'impact', component: () => import('../views/ImpactStudiesView.vue') },
  { path: '/teach/impact/:studyId', name: 'impact-study', component: () => import('../views/ImpactStudyView.vue'), props: true },
  {
    path: '/teach/tasks/:versionId',
    name: 'grading',
    component: () => import('../views/GradingView.vue'),
    props: (route) => ({ versionId: String(route.params.versionId), mode: 'grade' }),
  },
  {
    path: '/teach/tasks/:versionId/moderate',
    name: 'moderation',
    component: () => import('../views/GradingView.vue'),
    props: (route) => ({ versionId: String(route.params.versionId), mode: 'moderate' }),
  },
  // Language, theme, and the panels features add (LRS sync, backup).
  { path: '/settings', name: 'settings', component: () => import('../views/SettingsView.vue') },
  // The author preview of a pack folder being written (`?folder=`; none: choose one). Issue #27.
  {
    path: '/author',
    name: 'author',
    component: () => import('../views/AuthorPreviewView.vue'),
    props: (route) => ({ folder: typeof route.query.folder === 'string' ? route.query.folder : '' }),
    meta: { standalone: true, wide: true },
  },
  // Shown instead of everything else when the database failed its start-up check.
  { path: '/recovery', name: 'recovery', component: () => import('../views/RecoveryView.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export function createAppRouter() {
  const router = createRouter({
    history: createWebHashHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
  router.beforeEach(recoveryGuard)
  return router
}
