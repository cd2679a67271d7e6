// Data shapes of the backend command contract (src-tauri/commands/*).
// They mirror the Rust serde structs (camelCase on the wire); keep both sides
// in step when a field changes.

export type ModuleKind = 'theory' | 'practice' | 'case'

export type ModuleStatus = 'not_started' | 'in_progress' | 'completed'

export interface AppInfo {
  version: string
  dataDir: string
  dbPath: string
}

/** What removing a course deletes (`course_removal`, `remove_course`). */
export interface CourseRemoval {
  courseId: string
  title: string
  /** How many different people hold records in the course. */
  peopleWithRecords: number
}

export interface CourseSummary {
  id: string
  title: string
  version: string
  language: string
  description: string
  organisation: string | null
  /** `#rrggbb` from the pack's branding, used as the accent colour. */
  primaryColour: string | null
  /** The pack's branding logo as a URL the webview can load (qxasset:), or null. */
  logoUrl: string | null
  /** ISO 8601: when this course was first imported. */
  installedAt: string
  /** ISO 8601: when its content last changed (equal to installedAt until an update). */
  updatedAt: string
  moduleCount: number
  startedCount: number
  completedCount: number
  /** YYYY-MM-DD: when the platform rules and laws the course relies on were last checked; absent if it does not say. */
  reviewedOn?: string | null
  /** How many terms the course's glossary defines (0: it has none). */
  glossaryTerms: number
}

export interface ModuleEntry {
  id: string
  title: string
  kind: ModuleKind
  minutes: number
  /** Reading order inside the course (the order of `modules` in course.toml). */
  position: number
  status: ModuleStatus
  /** ISO 8601, or null when the learner never opened the module. */
  lastOpenedAt: string | null
}

/** The outline's parts: the three module kinds, and for instructors their own material. */
export type SectionKind = ModuleKind | 'instructor'

export interface OutlineSection {
  kind: SectionKind
  modules: ModuleEntry[]
}

export interface CourseOutline {
  course: CourseSummary
  sections: OutlineSection[]
}

export interface ModuleContent {
  id: string
  courseId: string
  title: string
  kind: ModuleKind
  minutes: number
  objectives: string[]
  /** Already sanitised by the backend (ammonia); safe for v-html. */
  html: string
  /** An instructor-only module (only instructors are ever sent one). */
  instructorOnly: boolean
  status: ModuleStatus
  previousId: string | null
  nextId: string | null
}

// Course packs: validation, import and removal (commands/packs.rs).

export type Severity = 'error' | 'warning'

/** One problem found in a pack, as `file:line:col: message` in the CLI. */
export interface Diagnostic {
  /** Path inside the pack, e.g. `courses/demo/course.toml`; empty for the pack as a whole. */
  file: string
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number
  /** 1-based; 0 when unknown. */
  col: number
  severity: Severity
  /** English: what the CLI prints by default. */
  message: string
  /** The same message in Simplified Chinese; older data may lack it. */
  message_zh?: string
}

/**
 * What one course in a pack contains. snake_case keys on purpose: this is the
 * same object `qunxue inspect --json` prints (DESIGN.md §4).
 */
export interface CourseInspection {
  id: string
  version: string
  /** Not part of the CLI contract; shown when the backend sends it. */
  title?: string
  /** Modules learners read, per kind, and the instructor-only ones. */
  modules: Record<ModuleKind, number> & { instructor?: number }
  questions: number
  /** Questions per type; types with none are left out. */
  question_types: Partial<Record<string, number>>
  quizzes: number
  tasks: number
  rubrics: number
  metric_templates: number
  surveys: number
  /** The organisation the course is branded for, if any. */
  branding: string | null
  chars: number
}

export interface PackValidation {
  valid: boolean
  diagnostics: Diagnostic[]
  courses: CourseInspection[]
}

export type ImportStage = 'reading' | 'validating' | 'copying' | 'saving' | 'done'

/** Sent over the import's progress channel as the backend works. */
export interface ImportProgress {
  stage: ImportStage
  done: number
  total: number
}

export type ImportOutcome = 'installed' | 'updated' | 'unchanged'

export interface ImportResult {
  courseId: string
  title: string
  version: string
  outcome: ImportOutcome
  warnings: Diagnostic[]
}

/** One term of a course's glossary (`course_glossary`). */
export interface GlossaryTerm {
  id: string
  /** The element id module links point at: `#qx-term-<id>`. */
  anchor: string
  name: string
  aliases: string[]
  /** Sanitised by the backend; safe for v-html. */
  definitionHtml: string
  formula: string | null
  unit: string | null
}
