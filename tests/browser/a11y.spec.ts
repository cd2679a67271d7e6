// axe-core on every main screen, in Chinese and English and in the dark theme:
// no serious or critical WCAG 2.1 A/AA violation may appear. Each screen is
// reached the way a user reaches it (the quiz result by handing in, the grading
// view after a learner submitted), against the mocked backends the other specs
// use. Selectors are test ids, not text, so one walk serves both languages.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { installTauriMock } from './tauri-mock'
import { installLearnerMock, type MockProfile } from './learner-records-mock'
import { installQuizMock } from './quiz-mock'
import { installTasksMock } from './tasks-mock'
import { installImpactMock } from './impact-mock'
import { BROKEN_GIFT, installLocalQuizMock } from './local-quiz-mock'
import { installSurveyMock } from './survey-mock'
import { installDamagedDatabaseMock } from './recovery-mock'
import { emitAuthorChanged, installAuthorMock } from './author-mock'
import { communityOps } from './fixtures/community-ops'
import { quizM01 } from './fixtures/quiz-m01'
import { PACK_PATHS, packs } from './fixtures/packs'
import { welcomeTask } from '../../ui/src/test/taskFixtures'
import { AUTHOR_FOLDER, authorSnapshot, CONVERT_OUT, CONVERT_SOURCE, convertDone, savedWithBrokenFrontMatter } from '../../ui/src/test/authorFixtures'

const COURSE = communityOps.id
const QUIZ_URL = `/#/courses/${COURSE}/quizzes/${quizM01.quizId}`
const task = { ...welcomeTask, courseId: COURSE }
const TASK_URL = `/#/courses/${COURSE}/tasks/${task.id}`

const PROFILES: MockProfile[] = [
  { id: 'p1', displayName: '王小丽', role: 'learner', avatarColour: '#1d4ed8', lastUsedAt: '2026-11-20T08:00:00Z' },
  { id: 'p2', displayName: '李老师', role: 'instructor', avatarColour: '#be185d', lastUsedAt: '2026-11-18T08:00:00Z', pin: '246810' },
]

async function learnerBackend(page: Page, packPicks: string[] = []): Promise<void> {
  await installTauriMock(page, { courses: [communityOps], packs, picks: packPicks })
  await installLearnerMock(page, { profiles: PROFILES, activeId: 'p1', courses: [communityOps], dueReviews: 2 })
}

async function quizBackend(page: Page): Promise<void> {
  await learnerBackend(page)
  await installQuizMock(page, { quizzes: [quizM01] })
}

async function taskBackend(page: Page): Promise<void> {
  await learnerBackend(page)
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
}

// Two classes of the course; the learner who submits tasks (tasks-mock.ts) and
// 王小丽 (tauri-mock.ts's short answer) are in the first.
const CLASSES = [
  { id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId: COURSE, name: '华东一期' },
  { id: 'ZX9P4R2T', joinCode: 'ZX9P-4R2T', courseId: COURSE, name: '' },
]
const CLASS_MEMBERS = { HD7K2Q3M: ['p-learner', 'p1'], ZX9P4R2T: ['p3'] }

async function classTaskBackend(page: Page): Promise<void> {
  await installTauriMock(page, { courses: [communityOps], classes: CLASSES, classMembers: CLASS_MEMBERS })
  await installLearnerMock(page, { profiles: PROFILES, activeId: 'p1', courses: [communityOps], dueReviews: 2 })
  await installTasksMock(page, { task, learnerName: '林小雨', instructorName: '王老师' })
}

/**
 * A pack folder being written (the author preview, which a machine nobody has
 * set up shows too) and a Word file to convert (from the library: a set-up machine).
 */
async function authorBackend(page: Page, picks: string[] = []): Promise<void> {
  await installTauriMock(page, { courses: [communityOps], picks })
  await installAuthorMock(page, {
    folders: { [AUTHOR_FOLDER]: authorSnapshot },
    conversions: { [CONVERT_OUT]: { done: convertDone } },
    newMachine: picks.length === 0,
  })
}
const AUTHOR_URL = `/#/author?folder=${encodeURIComponent(AUTHOR_FOLDER)}`

async function startQuiz(page: Page): Promise<void> {
  await page.goto(QUIZ_URL)
  await page.getByTestId('start-quiz').click()
  await expect(page.locator('article.question')).toBeVisible()
}

async function submitTask(page: Page): Promise<void> {
  await page.goto(TASK_URL)
  await page.getByTestId('task-markdown').fill('欢迎来到**麦田小屋**读书群！每周三晚八点共读一本书。')
  await page.getByTestId('task-submit').click()
  await page.getByTestId('confirm-action').click()
  await expect(page.getByTestId('task-version')).toBeVisible()
}

interface Screen {
  name: string
  backend: (page: Page) => Promise<void>
  open: (page: Page) => Promise<void>
}

const SCREENS: Screen[] = [
  {
    name: 'profile picker',
    backend: learnerBackend,
    open: async (page) => {
      await page.goto('/#/profiles')
      await expect(page.getByTestId('profile-card').first()).toBeVisible()
    },
  },
  {
    name: 'home',
    backend: learnerBackend,
    open: async (page) => {
      await page.goto('/#/my')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    },
  },
  {
    name: 'outline',
    backend: learnerBackend,
    open: async (page) => {
      await page.goto('/')
      await expect(page.locator('section[data-kind="theory"]')).toBeVisible()
    },
  },
  {
    name: 'module',
    backend: quizBackend,
    open: async (page) => {
      await page.goto(`/#/courses/${COURSE}/modules/m01-concept`)
      await expect(page.getByTestId('module-body')).toBeVisible()
    },
  },
  {
    name: 'quiz',
    backend: quizBackend,
    open: startQuiz,
  },
  {
    name: 'quiz result',
    backend: quizBackend,
    open: async (page) => {
      await startQuiz(page)
      await page.keyboard.press('1')
      await page.getByTestId('open-submit').click()
      await page.getByTestId('confirm-action').click()
      await expect(page.getByTestId('result-percent')).toBeVisible()
    },
  },
  {
    name: 'task',
    backend: taskBackend,
    open: async (page) => {
      await page.goto(TASK_URL)
      await expect(page.getByTestId('task-markdown')).toBeVisible()
    },
  },
  {
    name: 'grading queue',
    backend: taskBackend,
    open: async (page) => {
      await submitTask(page)
      await page.goto('/#/teach/tasks')
      await expect(page.getByTestId('queue-open').first()).toBeVisible()
    },
  },
  {
    name: 'grading queue, one class',
    backend: classTaskBackend,
    open: async (page) => {
      await submitTask(page)
      await page.goto('/#/teach/tasks')
      await page.locator('[data-testid="class-choice"] input[data-class="HD7K2Q3M"]').check()
      await expect(page.getByTestId('class-choice-clear')).toBeVisible()
      await expect(page.getByTestId('queue-open').first()).toBeVisible()
    },
  },
  {
    name: 'short-answer marking, one class',
    backend: classTaskBackend,
    open: async (page) => {
      await page.goto('/#/teach/short-answers')
      await page.getByTestId('course-picker').selectOption(COURSE)
      await page.locator('[data-testid="class-choice"] input[data-class="ZX9P4R2T"]').check()
      await expect(page.getByTestId('pending-answer')).toHaveCount(1)
    },
  },
  {
    name: 'grading view',
    backend: taskBackend,
    open: async (page) => {
      await submitTask(page)
      await page.goto('/#/teach/tasks/v-1')
      await expect(page.getByTestId('grading-criterion').first()).toBeVisible()
    },
  },
  {
    name: 'class view',
    backend: (page) =>
      installTauriMock(page, {
        courses: [communityOps],
        classes: [{ id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId: COURSE, name: '华东一期' }],
      }),
    open: async (page) => {
      await page.goto('/#/teach/classes')
      await page.getByTestId('class-filter').selectOption('HD7K2Q3M')
      await expect(page.getByTestId('member-remove').first()).toBeVisible()
      await page.getByTestId('class-pull').click()
      await expect(page.getByTestId('pull-status')).toContainText('1,234')
      await expect(page.getByTestId('class-pull')).toBeEnabled()
    },
  },
  {
    name: 'class view, sync failed',
    backend: (page) =>
      installTauriMock(page, {
        courses: [communityOps],
        classes: [{ id: 'HD7K2Q3M', joinCode: 'HD7K-2Q3M', courseId: COURSE, name: '华东一期' }],
        failing: { command: 'class_pull', kind: 'invalid_input', message: 'no LRS endpoint is configured', message_zh: '学习记录服务器未设置' },
      }),
    open: async (page) => {
      await page.goto('/#/teach/classes')
      await expect(page.getByTestId('member-name').first()).toBeVisible()
      await page.getByTestId('class-pull').click()
      await expect(page.getByTestId('pull-failure')).toBeVisible()
    },
  },
  {
    name: 'grading analytics',
    backend: taskBackend,
    open: async (page) => {
      // The queue knows a task once a learner has handed it in.
      await submitTask(page)
      await page.goto('/#/teach/analytics')
      await expect(page.getByTestId('agreement-table')).toBeVisible()
      // The pairs behind each criterion, unfolded so axe reads them too.
      for (const summary of await page.locator('[data-testid="agreement-pairs"] summary').all()) await summary.click()
      await expect(page.getByTestId('agreement-pair').first()).toBeVisible()
      // Level labels come from the task's rubric (course content, so the same in both languages).
      await expect(page.getByTestId('agreement-pair').first()).toContainText('优秀')
      await expect(page.locator('[data-chart-img] svg path').first()).toBeAttached()
    },
  },
  {
    name: 'item analysis',
    backend: learnerBackend,
    open: async (page) => {
      await page.goto(`${QUIZ_URL}/analysis`)
      await expect(page.getByTestId('item-table')).toBeVisible()
      await expect(page.locator('[data-testid="item-scatter"] svg path').first()).toBeAttached()
    },
  },
  {
    name: 'impact set-up',
    backend: installImpactMock,
    open: async (page) => {
      await page.goto('/#/teach/impact')
      await page.getByTestId('study-new').click()
      await expect(page.getByTestId('study-setup')).toBeVisible()
    },
  },
  {
    name: 'impact report',
    backend: installImpactMock,
    open: async (page) => {
      await page.goto('/#/teach/impact/s1')
      await page.getByRole('tab').nth(2).click()
      await expect(page.locator('[data-chart]')).toHaveCount(6)
      await expect(page.locator('[data-chart] svg path').first()).toBeAttached()
    },
  },
  {
    name: 'impact report, one class',
    backend: installImpactMock,
    open: async (page) => {
      await page.goto('/#/teach/impact/s1')
      await page.getByRole('tab').nth(2).click()
      await page.locator('[data-testid="class-choice"] input[data-class="HD7K2Q3M"]').check()
      await expect(page.getByTestId('report-classes')).toBeVisible()
      await expect(page.locator('[data-chart] svg path').first()).toBeAttached()
    },
  },
  {
    name: 'import',
    backend: (page) => learnerBackend(page, [PACK_PATHS.broken]),
    open: async (page) => {
      await page.goto('/#/library')
      await page.getByTestId('import-pack').click()
      await page.getByTestId('choose-folder').click()
      await expect(page.getByTestId('diagnostic-group').first()).toBeVisible()
    },
  },
  {
    name: 'search',
    backend: learnerBackend,
    open: async (page) => {
      await page.goto(`/#/search?q=${encodeURIComponent('社群')}`)
      await expect(page.getByTestId('search-results')).toBeVisible()
    },
  },
  {
    name: 'settings',
    backend: learnerBackend,
    open: async (page) => {
      await page.goto('/#/settings')
      await expect(page.getByTestId('settings-screen')).toBeVisible()
    },
  },
  {
    name: 'question import',
    backend: async (page) => {
      await learnerBackend(page, [BROKEN_GIFT])
      await installLocalQuizMock(page)
    },
    open: async (page) => {
      await page.goto('/#/teach/questions')
      await page.getByTestId('question-import-pick').click()
      await expect(page.getByTestId('preview-question').first()).toBeVisible()
    },
  },
  {
    name: 'survey',
    backend: async (page) => {
      await learnerBackend(page)
      await installSurveyMock(page)
    },
    open: async (page) => {
      await page.goto(`/#/courses/${COURSE}/survey`)
      await expect(page.getByTestId('survey-likert').first()).toBeVisible()
    },
  },
  {
    name: 'database recovery',
    backend: async (page) => {
      await learnerBackend(page)
      await installDamagedDatabaseMock(page)
    },
    open: async (page) => {
      await page.goto('/')
      await expect(page.getByTestId('recovery-restore-latest')).toBeVisible()
    },
  },
  {
    name: 'author preview with problems',
    backend: authorBackend,
    open: async (page) => {
      await page.goto(AUTHOR_URL)
      await expect(page.getByTestId('author-module-preview')).toBeVisible()
      await emitAuthorChanged(page, savedWithBrokenFrontMatter(2))
      await expect(page.locator('[data-testid="author-problems"] [data-severity="error"]').first()).toBeVisible()
    },
  },
  {
    name: 'author quiz preview',
    backend: authorBackend,
    open: async (page) => {
      await page.goto(AUTHOR_URL)
      await page.getByTestId('author-quiz').click()
      const first = page.locator('[data-question-id="g-q1"]')
      await first.locator('[data-option-key="0"] input').check()
      await first.getByTestId('check-answer').click()
      await expect(first.getByTestId('item-feedback')).toBeVisible()
      await page.getByTestId('show-answers').check()
      await expect(first.getByTestId('answer-key')).toBeVisible()
    },
  },
  {
    name: 'Word conversion report',
    backend: (page) => authorBackend(page, [CONVERT_SOURCE, CONVERT_OUT]),
    open: async (page) => {
      await page.goto('/#/library')
      await page.getByTestId('convert-office-open').click()
      await page.getByTestId('convert-choose-source').click()
      await page.getByTestId('convert-choose-out').click()
      await page.getByTestId('convert-start').click()
      await expect(page.getByTestId('convert-report')).toBeVisible()
    },
  },
  {
    name: 'shortcut help',
    backend: learnerBackend,
    open: async (page) => {
      await page.goto('/')
      await expect(page.locator('section[data-kind="theory"]')).toBeVisible()
      await page.keyboard.press('?')
      await expect(page.getByTestId('shortcuts-dialog')).toBeVisible()
    },
  },
]

const VARIANTS = [
  { locale: 'zh-CN', theme: 'light' },
  { locale: 'en', theme: 'light' },
  { locale: 'zh-CN', theme: 'dark' },
  { locale: 'en', theme: 'dark' },
] as const

/** One line per violation: rule, impact, what it means and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: ${n.failureSummary ?? ''}`))
}

for (const variant of VARIANTS) {
  test.describe(`axe, ${variant.locale}, ${variant.theme} theme`, () => {
    test.use({ colorScheme: variant.theme, timezoneId: 'Asia/Shanghai' })

    for (const screen of SCREENS) {
      test(screen.name, async ({ page }) => {
        // The language comes from Settings (lib/preferences.ts), stored before the app starts.
        await page.addInitScript((locale) => window.localStorage.setItem('qunxue.locale', locale), variant.locale)
        await screen.backend(page)
        await screen.open(page)
        await expect(page.locator('html')).toHaveAttribute('lang', variant.locale)
        await expect(page.locator('html')).toHaveAttribute('data-theme', variant.theme)
        // Let the last paint and transitions finish so colours are final.
        await page.evaluate(() => document.fonts.ready)
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
        expect(await seriousViolations(page)).toEqual([])
      })
    }
  })
}
