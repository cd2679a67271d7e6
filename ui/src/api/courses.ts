// Course catalogue and module content.
import { call } from './client'
import type { CourseOutline, CourseSummary, ModuleContent } from './types'

export function listCourses(): Promise<CourseSummary[]> {
  return call<CourseSummary[]>('list_courses')
}

export function courseOutline(courseId: string): Promise<CourseOutline> {
  return call<CourseOutline>('course_outline', { courseId })
}

/**
 * Loads a module for reading. The backend also records the visit, so the
 * module becomes in_progress unless it was already completed.
 */
export function openModule(courseId: string, moduleId: string): Promise<ModuleContent> {
  return call<ModuleContent>('open_module', { courseId, moduleId })
}

/**
 * Uninstalls a course: its content and every learner's progress, attempts and
 * grades for it. The UI asks for confirmation first.
 */
export async function removeCourse(courseId: string): Promise<void> {
  await call<null>('remove_course', { courseId })
}
