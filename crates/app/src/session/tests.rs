//! The session's own rules: the role is read from the database at every
//! call, a profile behind a PIN acts only once unlocked, and admin-only
//! use-cases refuse everyone else without touching the database.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use qunxue_store::profiles::Role;

use super::*;
use crate::accounts::NewProfile;
use crate::ErrorKind;

fn clock() -> Clock {
    Arc::new(|| Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap())
}

/// A clock the test moves forward.
fn movable_clock() -> (Clock, Arc<std::sync::Mutex<chrono::DateTime<Utc>>>) {
    let now = Arc::new(std::sync::Mutex::new(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()));
    let read = Arc::clone(&now);
    (Arc::new(move || *read.lock().unwrap()), now)
}

fn new_profile(name: &str) -> NewProfile {
    NewProfile::named(name)
}

#[test]
fn a_learner_is_refused_admin_use_cases() {
    let session = Session::in_memory(clock()).unwrap();
    let error = session.remove_course("any").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden, "{error}");
    let error = session.import_pack(std::path::Path::new("/nonexistent"), false, &mut |_| {}).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden, "{error}");
}

#[test]
fn the_first_admin_needs_no_permission_and_a_second_needs_an_unlocked_admin() {
    let session = Session::in_memory(clock()).unwrap();
    let admin = session.add_profile(&new_profile("管理员"), Role::Admin, Some("246810")).unwrap().profile;
    assert_eq!(admin.role, Role::Admin);
    let refused = session.add_profile(&new_profile("第二位"), Role::Admin, Some("135790")).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Forbidden, "{refused}");
    // Learners need no one's permission.
    assert_eq!(session.add_profile(&new_profile("学员乙"), Role::Learner, None).unwrap().profile.role, Role::Learner);
    session.switch_profile(&admin.id, Some("246810")).unwrap();
    assert_eq!(
        session.add_profile(&new_profile("第二位"), Role::Admin, Some("135790")).unwrap().profile.role,
        Role::Admin
    );
}

#[test]
fn a_profile_behind_a_pin_does_nothing_of_its_own_until_unlocked() {
    let session = Session::in_memory(clock()).unwrap();
    let admin = session.add_profile(&new_profile("管理员"), Role::Admin, Some("246810")).unwrap().profile;
    // Acting as the admin without its PIN (as the CLI does without --pin-stdin).
    session.set_actor(admin.id.clone(), false);
    let error = session.course_removal("none").unwrap_err();
    assert!(matches!(error, AppError::Locked { .. }), "{error}");
    assert_eq!(error.kind(), ErrorKind::Forbidden);
    // Nor anything a learner may do: their notes and progress are theirs.
    assert!(matches!(session.list_courses().unwrap_err(), AppError::Locked { .. }));
    assert!(matches!(session.rename_profile(&admin.id, "别人").unwrap_err(), AppError::Locked { .. }));
    session.set_actor(admin.id, true);
    assert_eq!(session.course_removal("none").unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn a_role_change_takes_effect_at_the_next_call() {
    let session = Session::in_memory(clock()).unwrap();
    let me = session.profile_id();
    assert_eq!(session.marking_queue(None).unwrap_err().kind(), ErrorKind::Forbidden);
    session.lock_store().unwrap().transact(|tx| qunxue_store::profiles::set_role(tx, &me, Role::Instructor)).unwrap();
    assert!(session.marking_queue(None).unwrap().is_empty());
}

#[test]
fn admin_actions_land_in_the_admin_log() {
    let session = Session::in_memory(clock()).unwrap();
    let admin = session.add_profile(&new_profile("管理员"), Role::Admin, Some("246810")).unwrap().profile;
    session.switch_profile(&admin.id, Some("246810")).unwrap();
    let teacher = session.add_profile(&new_profile("王老师"), Role::Learner, None).unwrap().profile;
    session.set_profile_role(&teacher.id, Role::Instructor, Some("135790")).unwrap();
    let leaver = session.add_profile(&new_profile("离职学员"), Role::Learner, None).unwrap().profile;
    session.delete_profile(&leaver.id).unwrap();
    let log = session.admin_log(50).unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["delete_profile", "set_role", "set_up_admin"], "{log:?}");
    assert!(log.iter().all(|e| e.actor_name == "管理员" && e.at.starts_with("2026-12-01")), "{log:?}");
    assert!(log[1].detail.contains("王老师") && log[1].detail.contains("instructor"), "{log:?}");
    // Only an admin reads it.
    session
        .switch_profile(&session.add_profile(&new_profile("学员"), Role::Learner, None).unwrap().profile.id, None)
        .unwrap();
    assert_eq!(session.admin_log(50).unwrap_err().kind(), ErrorKind::Forbidden);
}

#[test]
fn an_idle_instructor_session_locks_itself_until_the_pin_is_entered_again() {
    let (clock, now) = movable_clock();
    let session = Session::in_memory(clock).unwrap();
    let admin = session.add_profile(&new_profile("管理员"), Role::Admin, Some("246810")).unwrap().profile;
    session.switch_profile(&admin.id, Some("246810")).unwrap();
    let teacher = session.add_profile(&new_profile("王老师"), Role::Instructor, Some("135790")).unwrap().profile;
    assert_eq!(session.set_idle_lock_minutes(5).unwrap().idle_lock_minutes, 5);
    session.switch_profile(&teacher.id, Some("135790")).unwrap();

    // Busy: four minutes between actions never lock.
    for _ in 0..3 {
        *now.lock().unwrap() += chrono::Duration::minutes(4);
        assert!(session.marking_queue(None).is_ok());
    }
    // Background work does not count as use.
    *now.lock().unwrap() += chrono::Duration::minutes(4);
    let _ = session.xapi_background_run();
    *now.lock().unwrap() += chrono::Duration::minutes(2);
    let locked = session.marking_queue(None).unwrap_err();
    assert!(matches!(locked, AppError::Locked { .. }), "{locked}");
    assert!(session.session_status().unwrap().locked);
    // Nothing of theirs is open while locked; the PIN unlocks it all.
    assert!(matches!(session.list_courses().unwrap_err(), AppError::Locked { .. }));
    session.switch_profile(&teacher.id, Some("135790")).unwrap();
    assert!(!session.session_status().unwrap().locked);
    assert!(session.marking_queue(None).is_ok());
    // Only an admin changes the idle time.
    assert_eq!(session.set_idle_lock_minutes(20).unwrap_err().kind(), ErrorKind::Forbidden);
}

#[test]
fn a_locked_admin_changes_no_role_and_edits_no_one_else() {
    let (clock, now) = movable_clock();
    let session = Session::in_memory(clock).unwrap();
    let admin = session.add_profile(&new_profile("管理员"), Role::Admin, Some("246810")).unwrap().profile;
    session.switch_profile(&admin.id, Some("246810")).unwrap();
    let learner = session.add_profile(&new_profile("学员甲"), Role::Learner, None).unwrap().profile;
    // Idle past the default lock.
    *now.lock().unwrap() += chrono::Duration::minutes(DEFAULT_IDLE_LOCK_MINUTES + 1);
    let refused = session.set_profile_role(&learner.id, Role::Instructor, Some("135790")).unwrap_err();
    assert!(matches!(refused, AppError::Locked { .. }), "{refused}");
    assert!(matches!(session.rename_profile(&learner.id, "改名").unwrap_err(), AppError::Locked { .. }));
    // Not even their own profile, until the PIN is entered again.
    assert!(matches!(session.rename_profile(&admin.id, "周店长").unwrap_err(), AppError::Locked { .. }));
    session.switch_profile(&admin.id, Some("246810")).unwrap();
    assert_eq!(
        session.set_profile_role(&learner.id, Role::Instructor, Some("135790")).unwrap().profile.role,
        Role::Instructor
    );
}
