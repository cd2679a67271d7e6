// Profiles on a shared machine: the picker's list, managing profiles and
// switching the active one (the backend checks PINs and roles).
import { call } from './client'

export type Role = 'learner' | 'instructor' | 'admin'

export interface ProfileView {
  id: string
  displayName: string
  role: Role
  avatarColour: string
  createdAt: string
  lastUsedAt: string
  needsPin: boolean
  active: boolean
}

export interface ProfileList {
  profiles: ProfileView[]
  needsFirstAdmin: boolean
  /** The admin requires every profile to have a PIN. */
  learnerPinsRequired: boolean
}

/** A role given; a new admin is handed a recovery code (shown once). */
export type RoleChange = ProfileView & { recoveryCode?: string | null }

export type SwitchOutcome =
  | { status: 'switched'; profile: ProfileView }
  | { status: 'pin_required' }
  | { status: 'pin_setup_required'; minDigits: number }
  | { status: 'wrong_pin'; triesLeft: number }
  | { status: 'locked'; retryAfterSeconds: number }

export function listProfiles(): Promise<ProfileList> {
  return call<ProfileList>('list_profiles')
}

export function createProfile(displayName: string, avatarColour: string | null, pin: string | null = null): Promise<ProfileView> {
  return call<ProfileView>('create_profile', { profile: { displayName, avatarColour, pin } })
}

export function renameProfile(profileId: string, displayName: string): Promise<ProfileView> {
  return call<ProfileView>('rename_profile', { profileId, displayName })
}

export function setAvatarColour(profileId: string, colour: string): Promise<ProfileView> {
  return call<ProfileView>('set_avatar_colour', { profileId, colour })
}

export function deleteProfile(profileId: string): Promise<void> {
  return call<void>('delete_profile', { profileId })
}

export function setProfileRole(profileId: string, role: Role, pin: string | null): Promise<RoleChange> {
  return call<RoleChange>('set_profile_role', { profileId, role, pin })
}

export function switchProfile(profileId: string, pin: string | null): Promise<SwitchOutcome> {
  return call<SwitchOutcome>('switch_profile', { profileId, pin })
}

/** One line of the admin log: who did what as admin, and when. */
export interface AdminLogEntry {
  at: string
  actorId: string | null
  actorName: string
  action: string
  detail: string
}

/** The newest admin log entries (admins only; others get `forbidden`). */
export function adminLog(): Promise<AdminLogEntry[]> {
  return call<AdminLogEntry[]>('admin_log')
}

/** Who is acting and whether their session locked itself while idle. */
export interface SessionStatus {
  profileId: string
  role: Role
  locked: boolean
  /** Minutes an instructor's or admin's session may stay idle (0: never). */
  idleLockMinutes: number
}

export const sessionStatus = () => call<SessionStatus>('session_status')
export const setIdleLockMinutes = (minutes: number) => call<SessionStatus>('set_idle_lock_minutes', { minutes })
