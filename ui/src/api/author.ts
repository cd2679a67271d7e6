// The author's tools (issue #27): a live preview of a pack folder being
// written, and turning a Word or PowerPoint file into a pack folder. Anyone
// may use them, signed in or not: nothing is installed and nothing reaches
// the learner database. Contract: /tmp/contract/author-api.md (backend in
// src-tauri/commands/author.rs); keep both sides in step.
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { call } from './client'
import { toDiagnostics } from './errors'
import { pick } from './packs'
import type { QuestionType, QuizPurpose } from './quizTypes'
import type { Diagnostic, ModuleKind } from './types'

/** Sent after every save in the watched folder (debounced), with the pack re-validated and re-rendered. */
export const AUTHOR_CHANGED_EVENT = 'qunxue://author-changed'
/** Sent when the watched folder could no longer be read (moved, emptied); the payload says why. */
export const AUTHOR_FAILED_EVENT = 'qunxue://author-failed'

export interface AuthorSnapshot {
  folder: string
  /** 1 for author_open, +1 per re-render. */
  revision: number
  /** How long the load and render took. */
  elapsedMs: number
  /** Every problem in the pack, sorted by file, line and column. */
  diagnostics: Diagnostic[]
  /** Empty when course.toml is broken. */
  courses: AuthorCourse[]
}

export interface AuthorCourse {
  slug: string
  id: string
  title: string
  language: string
  description: string | null
  organisation: string | null
  primaryColour: string | null
  /** A qxasset URL served from the folder. */
  logoUrl: string | null
  /** Pack-relative, e.g. `courses/x/course.toml`. */
  manifestPath: string
  /** In reading order. */
  modules: AuthorModule[]
  quizzes: AuthorQuiz[]
}

export interface AuthorHeading {
  level: number
  id: string
  text: string
}

export type Audience = 'learner' | 'instructor'

export interface AuthorModule {
  id: string
  /** Pack-relative, e.g. `courses/x/modules/01-a.md`: the `file` of its diagnostics. */
  path: string
  kind: ModuleKind
  title: string
  minutes: number
  objectives: string[]
  audience: Audience
  /** Sanitised by the backend; instructor blocks included (shown as 讲师备注, as in the reader). */
  html: string
  headings: AuthorHeading[]
  quizIds: string[]
  taskIds: string[]
}

export interface AuthorQuiz {
  id: string
  title: string
  purpose: QuizPurpose
  /** Fraction of the maximum score, 0..1. */
  passMark: number
  /** How many questions an attempt draws at random on top of the fixed ones. */
  drawn: number
  /** Fixed items first, then every question a draw may pick. */
  questions: AuthorQuestion[]
}

export interface AuthorQuestion {
  /** Sanitised by the backend; safe for v-html. */
  stemHtml: string
  /** Sanitised by the backend; may be empty. */
  explanationHtml: string
  /** `single`, `multiple`: each option rendered (sanitised) as an attempt shows it. */
  optionsHtml?: string[]
  /** The bank question as written in the pack, answers included. */
  question: PackQuestion
}

/** A question as the pack's TOML writes it (docs/pack-format.md), answers included. */
export interface PackQuestion {
  id: string
  type: QuestionType
  stem: string
  difficulty: number
  tags: string[]
  points: number
  explanation: string
  options?: string[]
  /** single: the right option's index; numeric: the value; true_false: the truth. */
  answer?: number | boolean
  /** multiple: the right options' indexes. */
  answers?: number[]
  /** One message per option (single, multiple). */
  feedback?: string[]
  /** One list of accepted answers per blank. */
  blanks?: string[][]
  /** One list per blank of answers worth part of it. */
  partial_blanks?: { answer: string; percent: number }[][]
  pairs?: [string, string][]
  /** Right-hand sides that match no left item. */
  distractors?: string[]
  /** ordering: the items in the right order. */
  items?: string[]
  tolerance?: number
  /** short_answer: the model answer for the grader. */
  reference?: string
}

export type ConvertKind = ModuleKind
export type SplitLevel = 1 | 2 | 3

export interface ConvertArgs {
  /** A .docx or .pptx picked in the file dialog. */
  source: string
  /** The pack folder to write. */
  out: string
  /** Word: each heading of this level starts a module. */
  splitLevel: SplitLevel
  kind: ConvertKind
  /** Replace files the author edited since the last conversion. */
  overwrite: boolean
}

export interface ConvertedModule {
  id: string
  title: string
  path: string
  sections: number
}

/** Something in the source the converter could not carry over faithfully. */
export interface ConvertAttention {
  place: 'paragraph' | 'slide'
  number: number
  message: string
  message_zh: string
}

export interface ConvertReport {
  source: string
  outDir: string
  courseId: string
  /** Pack-relative files written. */
  written: string[]
  /** Files whose content was already the same. */
  unchanged: string[]
  /** Files of the last conversion the document no longer makes (nobody had edited them). */
  removed?: string[]
  /** Edited files replaced because overwrite was asked for. */
  overwritten?: string[]
  /** The course version the conversion gave. */
  version?: string
  /** Files the author changed since the last conversion: nothing was written when this is non-empty and overwrite was off. */
  editedFiles: string[]
  modules: ConvertedModule[]
  attention: ConvertAttention[]
  /** `qunxue validate` of the result. */
  diagnostics: Diagnostic[]
}

/** Loads a pack folder (validated and rendered) and starts watching it; replaces any earlier watch. */
export async function openAuthorFolder(folder: string): Promise<AuthorSnapshot> {
  return tidySnapshot(await call<AuthorSnapshot>('author_open', { folder }))
}

/** Stops watching the folder. */
export async function closeAuthor(): Promise<void> {
  await call<null>('author_close')
}

/** The folder the app was launched with (`qunxue-desktop --author DIR`), else null. */
export function authorStartFolder(): Promise<string | null> {
  return call<string | null>('author_start_folder')
}

export async function convertOffice(args: ConvertArgs): Promise<ConvertReport> {
  const report = await call<ConvertReport>('convert_office', { ...args })
  return { ...report, diagnostics: toDiagnostics(report.diagnostics) }
}

/** Calls `callback` with every re-rendered snapshot; resolves to the function that stops listening. */
export function onAuthorChanged(callback: (snapshot: AuthorSnapshot) => void): Promise<UnlistenFn> {
  return listen<AuthorSnapshot>(AUTHOR_CHANGED_EVENT, ({ payload }) => callback(tidySnapshot(payload)))
}

/** Calls `callback` with the reason whenever a save could not be rendered. */
export function onAuthorFailed(callback: (reason: string) => void): Promise<UnlistenFn> {
  return listen<string>(AUTHOR_FAILED_EVENT, ({ payload }) => callback(payload))
}

/** Lets the user choose the Word or PowerPoint file to convert. Null when they cancel. */
export function pickOfficeFile(text: { title: string; filter: string }): Promise<string | null> {
  return pick({ title: text.title, directory: false, multiple: false, filters: [{ name: text.filter, extensions: ['docx', 'pptx'] }] })
}

// Diagnostics reach the screen only in their checked, tidy form (as a pack check's do).
function tidySnapshot(snapshot: AuthorSnapshot): AuthorSnapshot {
  return { ...snapshot, diagnostics: toDiagnostics(snapshot.diagnostics), courses: snapshot.courses ?? [] }
}
