// Small, realistic backend answers for component tests.
import type { StudyView } from '../api/impact'
import type {
  CourseInspection,
  CourseOutline,
  CourseSummary,
  Diagnostic,
  ModuleContent,
  ModuleEntry,
  PackValidation,
} from '../api/types'

export const course: CourseSummary = {
  id: 'qunxue.community-ops',
  title: '社群运营实战',
  version: '1.0.0',
  language: 'zh-CN',
  description: '从概念到实操，系统掌握社群的搭建、运营与数据复盘。',
  organisation: '群学',
  primaryColour: '#0f766e',
  logoUrl: null,
  installedAt: '2026-11-02T08:30:00Z',
  updatedAt: '2026-11-18T16:05:00Z',
  moduleCount: 5,
  startedCount: 2,
  completedCount: 1,
  glossaryTerms: 0,
}

export function entry(overrides: Partial<ModuleEntry> & Pick<ModuleEntry, 'id'>): ModuleEntry {
  return {
    title: overrides.id,
    kind: 'theory',
    minutes: 30,
    position: 1,
    status: 'not_started',
    lastOpenedAt: null,
    ...overrides,
  }
}

export const modules: ModuleEntry[] = [
  entry({ id: 'm01-concept', title: '社群运营的概念、意义与类型', minutes: 45, position: 1, status: 'completed', lastOpenedAt: '2026-11-20T09:00:00Z' }),
  entry({ id: 'm02-platforms', title: '主流社群平台与工具', minutes: 40, position: 2, status: 'in_progress', lastOpenedAt: '2026-11-21T10:00:00Z' }),
  entry({ id: 'm11-account-setup', title: '搭建并检查一个社群账号', kind: 'practice', minutes: 60, position: 3 }),
  entry({ id: 'm12-welcome', title: '设计入群欢迎流程', kind: 'practice', minutes: 50, position: 4 }),
  entry({ id: 'm21-bakery', title: '社区烘焙店的会员社群', kind: 'case', minutes: 35, position: 5 }),
]

export const outline: CourseOutline = {
  course,
  sections: [
    { kind: 'theory', modules: modules.slice(0, 2) },
    { kind: 'practice', modules: modules.slice(2, 4) },
    { kind: 'case', modules: modules.slice(4) },
  ],
}

export const moduleContent: ModuleContent = {
  id: 'm02-platforms',
  courseId: course.id,
  title: '主流社群平台与工具',
  kind: 'theory',
  minutes: 40,
  objectives: ['比较微信群、企业微信与 QQ 群的特点', '为一个社群选出合适的平台'],
  html:
    '<h1>主流社群平台与工具</h1><p>选择平台要看<strong>用户在哪里</strong>。<sup class="footnote-reference"><a href="#fn-1">1</a></sup></p>' +
    '<table><thead><tr><th>平台</th><th>适合</th></tr></thead><tbody><tr><td>企业微信</td><td>品牌服务</td></tr></tbody></table>' +
    '<p><a href="https://example.org/guide">平台规则</a></p>' +
    '<div class="footnote-definition" id="fn-1"><sup class="footnote-definition-label">1</sup><p>数据来自示例调研。</p></div>',
  instructorOnly: false,
  status: 'in_progress',
  previousId: 'm01-concept',
  nextId: 'm11-account-setup',
}

// Course packs.

export function inspection(overrides: Partial<CourseInspection> = {}): CourseInspection {
  return {
    id: course.id,
    version: '1.1.0',
    modules: { theory: 3, practice: 3, case: 2 },
    questions: 40,
    question_types: { single: 20, multiple: 8, true_false: 6, fill_blank: 4, short_answer: 2 },
    quizzes: 8,
    tasks: 3,
    rubrics: 3,
    metric_templates: 6,
    surveys: 1,
    branding: '群学',
    chars: 120_000,
    ...overrides,
  }
}

/** What the validator reports for a broken pack, in the order it found them. */
export const brokenDiagnostics: Diagnostic[] = [
  { file: 'courses/demo/modules/02-intro.md', line: 15, col: 3, severity: 'warning', message: 'image `https://cdn.example.com/a.png` is a remote URL and will not load offline' },
  { file: 'courses/demo/modules/02-intro.md', line: 7, col: 1, severity: 'error', message: 'unknown module kind `lecture`, expected one of theory, practice, case', message_zh: '未知的模块类型 `lecture`，应为 theory、practice、case 之一' },
  { file: 'courses/demo/modules/10-review.md', line: 4, col: 1, severity: 'error', message: 'quiz `q-review` is not defined' },
  { file: 'courses/demo/course.toml', line: 5, col: 1, severity: 'error', message: 'unknown key `auther`, expected one of `id`, `version`, `title`' },
]

export const brokenPack: PackValidation = {
  valid: false,
  diagnostics: brokenDiagnostics,
  courses: [inspection({ id: 'demo.onboarding', version: '0.3.0', modules: { theory: 2, practice: 1, case: 0 } })],
}

/** v1.1.0 of the installed course: an update. */
export const updatePack: PackValidation = { valid: true, diagnostics: [], courses: [inspection()] }

/** v0.9.0 of the installed course: older than what is installed. */
export const olderPack: PackValidation = { valid: true, diagnostics: [], courses: [inspection({ version: '0.9.0' })] }

/** An impact study of the course with stores as units, before any data. */
export function study(overrides: Partial<StudyView> = {}): StudyView {
  return {
    id: 's1',
    courseId: course.id,
    courseTitle: course.title,
    name: '华东门店社群运营培训',
    unitKind: 'store',
    unitKindZh: '门店',
    baselineStart: '2026-01-05',
    baselineEnd: '2026-02-01',
    postStart: '2026-03-02',
    postEnd: '2026-03-29',
    programmeCost: 48000,
    monetisedBenefit: null,
    metrics: [],
    treatment: ['训练01店'],
    control: [],
    observationCount: 0,
    createdAt: '2026-04-01T00:00:00Z',
    updatedAt: '2026-04-01T00:00:00Z',
    ...overrides,
  }
}
