// Course catalogue and module content.
import { call } from './client'
import type { CourseOutline, CourseRemoval, CourseSummary, GlossaryTerm, ModuleContent } from './types'

export function listCourses(): Promise<CourseSummary[]> {
  return call<CourseSummary[]>('list_courses')
}

export function courseOutline(courseId: string): Promise<CourseOutline> {
  return call<CourseOutline>('course_outline', { courseId })
}

/**
 * Saves a copy of a course file (a handout or template a module links) at
 * `path`, chosen in the save dialog; `assetPath` is `/<course>/<file path>`.
 * Instructor-only files are refused to learners. Returns the bytes written.
 */
export function saveCourseFile(assetPath: string, path: string): Promise<number> {
  return call<number>('save_course_file', { assetPath, path })
}

/** A course file's bytes, to show it in the app (a PDF handout): `/<course>/<file path>`. */
export function courseFileBytes(assetPath: string): Promise<ArrayBuffer> {
  return call<ArrayBuffer>('course_file_bytes', { assetPath })
}

let mediaBaseAnswer: Promise<string | null> | null = null

/**
 * Where course video and audio play from: the loopback media server on
 * Linux (its webview cannot play media from the asset protocol), else null.
 * Asked once per run.
 */
export function mediaBase(): Promise<string | null> {
  mediaBaseAnswer ??= call<string | null>('media_base').catch(() => null)
  return mediaBaseAnswer
}

/** The course's glossary: every term and metric it defines, in its order. */
export function courseGlossary(courseId: string): Promise<GlossaryTerm[]> {
  return call<GlossaryTerm[]>('course_glossary', { courseId })
}

/**
 * Loads a module for reading. The backend also records the visit, so the
 * module becomes in_progress unless it was already completed.
 */
export function openModule(courseId: string, moduleId: string): Promise<ModuleContent> {
  return call<ModuleContent>('open_module', { courseId, moduleId })
}

/**
 * What removing a course would delete (how many people's records), for the
 * confirmation. Admins only: others get a `forbidden` error.
 */
export function courseRemoval(courseId: string): Promise<CourseRemoval> {
  return call<CourseRemoval>('course_removal', { courseId })
}

/**
 * Uninstalls a course: its content and every learner's progress, attempts and
 * grades for it, after a backup. The UI asks for confirmation first.
 */
export function removeCourse(courseId: string): Promise<CourseRemoval> {
  return call<CourseRemoval>('remove_course', { courseId })
}
