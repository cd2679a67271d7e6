//! Shared-laptop accounts, end to end through the session on a real SQLite
//! file: the first-run question, the admin set-up, learner PINs and the site
//! policy, resets, the one-time recovery code, admins made the old way, and
//! the admin log.

use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use qunxue_store::profiles::{self, Role};

use super::*;
use crate::accounts::{MachineUse, NewProfile, SwitchOutcome};
use crate::error::Remedy;
use crate::session::SharedMachine;
use crate::ErrorKind;

fn clock() -> Clock {
    Arc::new(|| Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap())
}

/// The desktop's start-up on `db` (a new file the first time).
fn start(db: &Path) -> Session {
    let options = OpenOptions { clock: clock(), ..OpenOptions::for_database(db) };
    Session::start(options).unwrap().session
}

fn shared(pin: &str, learner_pins_required: bool) -> SharedMachine {
    SharedMachine { admin_name: "周店长".into(), pin: pin.into(), learner_pins_required }
}

fn learner_with_pin(name: &str, pin: &str) -> NewProfile {
    NewProfile { pin: Some(pin.into()), ..NewProfile::named(name) }
}

fn is_switched(outcome: &SwitchOutcome) -> bool {
    matches!(outcome, SwitchOutcome::Switched { .. })
}

#[test]
fn first_run_one_learner_goes_straight_to_the_course() {
    let dir = tempfile::tempdir().unwrap();
    let session = start(&dir.path().join("q.db"));
    let setup = session.machine_setup().unwrap();
    assert_eq!((setup.machine_use, setup.has_admin), (None, false), "a new database asks who uses it");

    let setup = session.set_up_personal_machine(Some("小林")).unwrap();
    assert_eq!(setup.machine_use, Some(MachineUse::Personal));
    let me = session.list_profiles().unwrap().profiles;
    assert_eq!((me.len(), me[0].display_name.as_str(), me[0].role), (1, "小林", Role::Learner));
    assert!(session.list_courses().is_ok(), "the learner studies at once, no PIN");
    // Asked once only.
    assert_eq!(session.set_up_personal_machine(None).unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(session.set_up_shared_machine(&shared("135790", false)).unwrap_err().kind(), ErrorKind::InvalidInput);
    drop(session);
    assert_eq!(start(&dir.path().join("q.db")).machine_setup().unwrap().machine_use, Some(MachineUse::Personal));
}

#[test]
fn first_run_on_a_shared_machine_sets_up_the_admin_before_anything_else() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let session = start(&db);
    // No admin without a proper PIN, and a refused set-up changes nothing.
    let short = session.set_up_shared_machine(&shared("1234", true)).unwrap_err();
    assert_eq!(short.kind(), ErrorKind::InvalidInput, "{short}");
    assert_eq!(session.machine_setup().unwrap().machine_use, None);
    assert_eq!(profiles::count_with_role(session.lock_store().unwrap().conn(), Role::Admin).unwrap(), 0);

    let admin = session.set_up_shared_machine(&shared("135790", true)).unwrap();
    assert_eq!((admin.profile.display_name.as_str(), admin.profile.role), ("周店长", Role::Admin));
    assert_eq!(admin.recovery_code.len(), 19, "{}", admin.recovery_code);
    let setup = session.machine_setup().unwrap();
    assert_eq!(
        (setup.machine_use, setup.learner_pins_required, setup.has_admin),
        (Some(MachineUse::Shared), true, true)
    );
    // The admin acts at once, unlocked, and the set-up is in the log.
    let log = session.admin_log(10).unwrap();
    assert_eq!(log[0].action, "set_up_machine");
    assert_eq!(session.list_profiles().unwrap().profiles.len(), 1, "no stray default profile is left");
    drop(session);

    // Next start: every profile has a PIN, so the app opens locked.
    let session = start(&db);
    assert!(session.session_status().unwrap().locked);
    assert_eq!(session.admin_log(10).unwrap_err().remedy(), Some(Remedy::Unlock));
    assert!(is_switched(&session.switch_profile(&admin.profile.id, Some("135790")).unwrap()));
    assert!(session.admin_log(10).is_ok());
}

#[test]
fn an_admin_only_action_without_an_admin_leads_to_setting_one_up() {
    let dir = tempfile::tempdir().unwrap();
    let session = start(&dir.path().join("q.db"));
    session.set_up_personal_machine(None).unwrap();
    let learner = session.profile_id();
    let refused = session.course_removal("qunxue.community-ops").unwrap_err();
    assert_eq!(refused.remedy(), Some(Remedy::SetUpAdmin), "{refused}");
    assert_eq!(
        session.set_profile_role(&learner, Role::Admin, Some("135790")).unwrap_err().remedy(),
        Some(Remedy::SetUpAdmin)
    );

    assert_eq!(session.set_up_admin("管理员", "13579").unwrap_err().kind(), ErrorKind::InvalidInput);
    assert!(!session.machine_setup().unwrap().has_admin, "no admin without a 6-digit PIN");
    let admin = session.set_up_admin("管理员", "135790").unwrap();
    assert_eq!(session.profile_id(), admin.profile.id, "the session acts for the new admin");
    assert_eq!(session.course_removal("none").unwrap_err().kind(), ErrorKind::NotFound, "admin actions now pass");
    assert_eq!(session.machine_setup().unwrap().machine_use, Some(MachineUse::Shared));
    // The second comes from the first admin, not from whoever asks.
    session.switch_profile(&learner, None).unwrap();
    assert_eq!(session.set_up_admin("另一位", "246810").unwrap_err().kind(), ErrorKind::InvalidInput);
}

#[test]
fn learner_pins_and_the_site_policy_are_enforced_on_switching() {
    let dir = tempfile::tempdir().unwrap();
    let session = start(&dir.path().join("q.db"));
    session.set_up_personal_machine(Some("老学员")).unwrap();
    let old = session.profile_id();
    // A learner chooses a PIN of their own: from then on the profile is theirs.
    let mine = session.create_profile(&learner_with_pin("小红", "2468")).unwrap();
    assert!(mine.needs_pin);
    assert_eq!(session.switch_profile(&mine.id, None).unwrap(), SwitchOutcome::PinRequired);
    assert!(matches!(
        session.switch_profile(&mine.id, Some("1111")).unwrap(),
        SwitchOutcome::WrongPin { tries_left: 4 }
    ));
    assert!(is_switched(&session.switch_profile(&mine.id, Some("2468")).unwrap()));
    assert!(session.list_courses().is_ok());
    // Someone else at the machine: the profile is locked to them.
    session.set_actor(mine.id.clone(), false);
    assert_eq!(session.list_courses().unwrap_err().remedy(), Some(Remedy::Unlock));
    assert_eq!(session.change_own_pin(None, None).unwrap_err().remedy(), Some(Remedy::Unlock));

    // The admin requires a PIN for every profile.
    let admin = session.set_up_admin("管理员", "135790").unwrap();
    session.set_learner_pins_required(true).unwrap();
    assert_eq!(session.create_profile(&NewProfile::named("没有 PIN")).unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(session.create_profile(&learner_with_pin("短", "12")).unwrap_err().kind(), ErrorKind::InvalidInput);
    // The learner made before the policy chooses a PIN on the way in.
    assert_eq!(session.switch_profile(&old, None).unwrap(), SwitchOutcome::PinSetupRequired { min_digits: 4 });
    assert!(is_switched(&session.switch_profile(&old, Some("9753")).unwrap()));
    assert_eq!(session.switch_profile(&old, None).unwrap(), SwitchOutcome::PinRequired);
    // …and cannot drop it while the policy holds, nor delete anyone.
    assert_eq!(session.change_own_pin(Some("9753"), None).unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(session.delete_profile(&mine.id).unwrap_err().kind(), ErrorKind::Forbidden);
    assert_eq!(session.reset_pin(&mine.id, Some("0000")).unwrap_err().kind(), ErrorKind::Forbidden);
    // An admin adds an instructor under the policy: created with its PIN.
    session.switch_profile(&admin.profile.id, Some("135790")).unwrap();
    let teacher = session.add_profile(&NewProfile::named("王老师"), Role::Instructor, Some("246810")).unwrap();
    assert!(teacher.profile.needs_pin);
    session.switch_profile(&old, Some("9753")).unwrap();
    // A PIN profile is never the one the app reopens.
    drop(session);
    let session = start(&dir.path().join("q.db"));
    assert!(session.session_status().unwrap().locked);
    let _ = admin;
}

#[test]
fn an_admin_resets_a_forgotten_pin_and_a_profile_changes_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let session = start(&dir.path().join("q.db"));
    session.set_up_personal_machine(None).unwrap();
    let learner = session.create_profile(&learner_with_pin("小王", "2468")).unwrap();
    // Forgotten: five wrong tries lock it.
    for _ in 0..5 {
        session.switch_profile(&learner.id, Some("0000")).unwrap();
    }
    assert!(matches!(session.switch_profile(&learner.id, Some("2468")).unwrap(), SwitchOutcome::Locked { .. }));
    let admin = session.set_up_admin("管理员", "135790").unwrap();
    session.reset_pin(&learner.id, Some("8642")).unwrap();
    assert_eq!(
        session.reset_pin(&admin.profile.id, Some("111111")).unwrap_err().kind(),
        ErrorKind::InvalidInput,
        "own PIN: recovery code"
    );
    // The reset clears the lock too.
    assert!(is_switched(&session.switch_profile(&learner.id, Some("8642")).unwrap()));
    // Changing one's own needs the current PIN.
    assert_eq!(session.change_own_pin(Some("0000"), Some("1357")).unwrap_err().kind(), ErrorKind::InvalidInput);
    session.change_own_pin(Some("8642"), Some("1357")).unwrap();
    session.change_own_pin(Some("1357"), None).unwrap();
    assert!(is_switched(&session.switch_profile(&learner.id, None).unwrap()), "no PIN any more");
    // An instructor keeps one.
    session.switch_profile(&admin.profile.id, Some("135790")).unwrap();
    let teacher = session.add_profile(&NewProfile::named("王老师"), Role::Instructor, Some("246810")).unwrap();
    assert_eq!(session.reset_pin(&teacher.profile.id, None).unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(
        session.reset_pin(&teacher.profile.id, Some("1234")).unwrap_err().kind(),
        ErrorKind::InvalidInput,
        "6 digits"
    );
    session.reset_pin(&teacher.profile.id, Some("975310")).unwrap();
    assert!(is_switched(&session.switch_profile(&teacher.profile.id, Some("975310")).unwrap()));
}

#[test]
fn the_recovery_code_works_once_and_wrong_codes_lock_like_wrong_pins() {
    let dir = tempfile::tempdir().unwrap();
    let session = start(&dir.path().join("q.db"));
    let admin = session.set_up_shared_machine(&shared("135790", false)).unwrap();
    let id = admin.profile.id.clone();
    let learner = session.create_profile(&NewProfile::named("学员")).unwrap();
    session.switch_profile(&learner.id, None).unwrap();

    let recovered = session.recover_admin(&id, &admin.recovery_code.to_lowercase(), "246802").unwrap();
    assert_ne!(recovered.recovery_code, admin.recovery_code, "a new code replaces the spent one");
    assert_eq!(session.profile_id(), id);
    assert!(session.admin_log(5).is_ok(), "the recovered admin acts at once");
    session.switch_profile(&learner.id, None).unwrap();
    assert_eq!(
        session.switch_profile(&id, Some("135790")).unwrap(),
        SwitchOutcome::WrongPin { tries_left: 4 },
        "old PIN gone"
    );
    // The spent code no longer works; each wrong code counts.
    let spent = session.recover_admin(&id, &admin.recovery_code, "111111").unwrap_err();
    assert!(spent.text(crate::Lang::Zh).contains("恢复码不正确"), "{spent}");
    assert!(spent.to_string().contains("wrong recovery code"), "{spent}");
    for _ in 0..3 {
        session.recover_admin(&id, "AAAA-AAAA-AAAA-AAAA", "111111").unwrap_err();
    }
    let locked = session.recover_admin(&id, &recovered.recovery_code, "111111").unwrap_err();
    assert!(locked.text(crate::Lang::Zh).contains("秒后再试"), "{locked}");
    // Only an admin has a code.
    assert_eq!(session.recover_admin(&learner.id, "AAAA", "111111").unwrap_err().kind(), ErrorKind::InvalidInput);
}

/// A machine as an older version would have left it: its one profile an
/// admin with the PIN 135790 and no recovery code. Returns the admin's id.
fn machine_with_an_old_way_admin(db: &Path) -> (Session, String) {
    let session = start(db);
    session.set_up_personal_machine(None).unwrap();
    let old = session.profile_id();
    let hash = crate::accounts::hash_pin("135790", Role::Admin).unwrap();
    session
        .lock_store()
        .unwrap()
        .transact(|tx| -> qunxue_store::Result<()> {
            profiles::set_role(tx, &old, Role::Admin)?;
            profiles::set_pin_hash(tx, &old, Some(&hash))
        })
        .unwrap();
    (session, old)
}

#[test]
fn an_admin_made_the_old_way_confirms_or_hands_over_before_acting() {
    let dir = tempfile::tempdir().unwrap();
    let (session, old) = machine_with_an_old_way_admin(&dir.path().join("q.db"));
    assert_eq!(session.machine_setup().unwrap().unconfirmed_admins, 1);
    session.switch_profile(&old, Some("135790")).unwrap();
    let refused = session.admin_log(5).unwrap_err();
    assert_eq!(refused.remedy(), Some(Remedy::ConfirmAdmin), "{refused}");
    // Confirming issues a code; admin actions pass.
    let confirmed = session.confirm_admin().unwrap();
    assert_eq!(confirmed.recovery_code.len(), 19);
    assert!(session.admin_log(5).is_ok());
    assert_eq!(session.machine_setup().unwrap().unconfirmed_admins, 0);

    // Or, on another machine, the old admin hands over to a new one.
    let dir2 = tempfile::tempdir().unwrap();
    let (session, old) = machine_with_an_old_way_admin(&dir2.path().join("q.db"));
    session.switch_profile(&old, Some("135790")).unwrap();
    let new = session.set_up_admin("新店长", "246810").unwrap();
    assert_eq!(session.profile_id(), new.profile.id);
    assert_eq!(profiles::get(session.lock_store().unwrap().conn(), &old).unwrap().role, Role::Learner);
    let log = session.admin_log(5).unwrap();
    assert_eq!(log[0].action, "recreate_admin", "{log:?}");
}

#[test]
fn every_admin_action_lands_in_the_admin_log() {
    let dir = tempfile::tempdir().unwrap();
    let session = start(&dir.path().join("q.db"));
    let admin = session.set_up_shared_machine(&shared("135790", false)).unwrap();
    let learner = session.create_profile(&learner_with_pin("小李", "2468")).unwrap();
    session.reset_pin(&learner.id, Some("1357")).unwrap();
    session.set_learner_pins_required(true).unwrap();
    session.set_idle_lock_minutes(15).unwrap();
    let teacher = session.add_profile(&learner_with_pin("王老师", "2468"), Role::Instructor, Some("246810")).unwrap();
    session.set_profile_role(&teacher.profile.id, Role::Learner, None).unwrap();
    // A new code replaces the one shown at set-up.
    let code = session.confirm_admin().unwrap().recovery_code;
    session.delete_profile(&learner.id).unwrap();
    session.switch_profile(&teacher.profile.id, None).unwrap();
    assert!(session.recover_admin(&admin.profile.id, &admin.recovery_code, "975310").is_err());
    session.recover_admin(&admin.profile.id, &code, "975310").unwrap();

    let log = session.admin_log(50).unwrap();
    let mut actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    actions.reverse();
    assert_eq!(
        actions,
        [
            "set_up_machine",
            "reset_pin",
            "set_pin_policy",
            "set_idle_lock",
            "add_profile",
            "set_role",
            "confirm_admin",
            "delete_profile",
            "recover_admin"
        ],
        "{log:?}"
    );
    assert!(log.iter().all(|e| e.actor_id.as_deref() == Some(admin.profile.id.as_str())), "{log:?}");
    assert!(log.iter().all(|e| !e.detail.contains("1357") && !e.detail.contains("135790")), "no PIN in the log");
}
