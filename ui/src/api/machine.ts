// Setting the machine up and keeping its PINs (src-tauri/src/commands/machine.rs):
// the first-run question, the admin set-up and recovery, the learner-PIN
// policy and PIN changes. Every rule is the backend's.
import { call } from './client'
import type { ProfileView } from './profiles'

export type MachineUse = 'personal' | 'shared'

export interface MachineSetup {
  /** Null until the first-run question is answered. */
  machineUse: MachineUse | null
  learnerPinsRequired: boolean
  hasAdmin: boolean
  /** Admins an older version made, who must confirm or hand over. */
  unconfirmedAdmins: number
}

/** An admin just set up or recovered, with the recovery code to show once. */
export interface AdminCredentials {
  profile: ProfileView
  recoveryCode: string
}

export const machineSetup = () => call<MachineSetup>('machine_setup')

export const setUpPersonalMachine = (displayName: string | null) =>
  call<MachineSetup>('set_up_personal_machine', { displayName })

export const setUpSharedMachine = (adminName: string, pin: string, learnerPinsRequired: boolean) =>
  call<AdminCredentials>('set_up_shared_machine', { setup: { adminName, pin, learnerPinsRequired } })

export const setUpAdmin = (displayName: string, pin: string) => call<AdminCredentials>('set_up_admin', { displayName, pin })

export const confirmAdmin = () => call<AdminCredentials>('confirm_admin')

export const recoverAdmin = (profileId: string, code: string, newPin: string) =>
  call<AdminCredentials>('recover_admin', { profileId, code, newPin })

export const setLearnerPinsRequired = (required: boolean) => call<MachineSetup>('set_learner_pins_required', { required })

export const resetPin = (profileId: string, newPin: string | null) => call<ProfileView>('reset_pin', { profileId, newPin })

export const changeOwnPin = (current: string | null, newPin: string | null) =>
  call<ProfileView>('change_own_pin', { current, newPin })
