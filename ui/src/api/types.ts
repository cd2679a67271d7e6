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

export interface CourseSummary {
  id: string
  title: string
  version: string
  language: string
  description: string
  organisation: string | null
  /** `#rrggbb` from the pack's branding, used as the accent colour. */
  primaryColour: string | null
  moduleCount: number
  startedCount: number
  completedCount: number
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

export interface OutlineSection {
  kind: ModuleKind
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
  status: ModuleStatus
  previousId: string | null
  nextId: string | null
}
