// Learner progress through a course.
import { call } from './client'
import type { ModuleEntry } from './types'

export function completeModule(courseId: string, moduleId: string): Promise<ModuleEntry> {
  return call<ModuleEntry>('complete_module', { courseId, moduleId })
}
