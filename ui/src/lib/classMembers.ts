// The class view's rules, kept out of the template so they are tested
// alone: which members a status filter keeps, how a column sorts, and when
// a member is still known only by their id.
import type { ClassMember } from '../api/classes'

export const MEMBER_STATUSES = ['all', 'completed', 'incomplete', 'pendingMarks', 'sentNothing', 'stalled'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export function matchesStatus(member: ClassMember, status: MemberStatus): boolean {
  switch (status) {
    case 'all':
      return true
    case 'completed':
      return member.completed
    case 'incomplete':
      return !member.completed
    case 'pendingMarks':
      return member.pendingMarks > 0
    case 'sentNothing':
      return member.sentNothing
    case 'stalled':
      return member.stalled
  }
}

/** Until a bundle or the LRS brings a name, the backend repeats the id (or sends none). */
export function hasKnownName(member: ClassMember): boolean {
  return member.name.trim() !== '' && member.name !== member.id
}

/** Enough of a profile id to tell people apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8)
}

export const MEMBER_COLUMNS = [
  'name',
  'class',
  'modulesDone',
  'preScore',
  'postScore',
  'gain',
  'quizzesPassed',
  'taskScore',
  'pendingMarks',
  'completed',
  'lastActivity',
] as const
export type MemberColumn = (typeof MEMBER_COLUMNS)[number]
export type SortDirection = 'ascending' | 'descending'
export interface MemberSort {
  column: MemberColumn
  direction: SortDirection
}

type SortValue = string | number | null

function sortValue(member: ClassMember, column: MemberColumn, name: (m: ClassMember) => string): SortValue {
  switch (column) {
    case 'name':
      return name(member)
    case 'completed':
      return member.completed ? 1 : 0
    case 'lastActivity':
      return member.lastActivity === null ? null : Date.parse(member.lastActivity)
    default:
      return member[column]
  }
}

/**
 * The members in `sort` order. Missing figures (no pre-test yet, no
 * activity) go last whichever way the column sorts, so the top of a
 * column is always someone with a figure; ties keep the backend's order.
 */
export function sortMembers(
  members: readonly ClassMember[],
  sort: MemberSort,
  name: (m: ClassMember) => string,
  collator: Intl.Collator,
): ClassMember[] {
  const sign = sort.direction === 'ascending' ? 1 : -1
  return members
    .map((member, index) => ({ member, index, value: sortValue(member, sort.column, name) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1
      }
      const order =
        typeof a.value === 'string' && typeof b.value === 'string'
          ? collator.compare(a.value, b.value)
          : Number(a.value) - Number(b.value)
      return order === 0 ? a.index - b.index : sign * order
    })
    .map((entry) => entry.member)
}

/** Clicking the sorted column turns it round; another column starts ascending. */
export function nextSort(current: MemberSort, column: MemberColumn): MemberSort {
  if (current.column !== column) return { column, direction: 'ascending' }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}
