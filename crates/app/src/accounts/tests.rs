use chrono::{DateTime, Duration, TimeZone, Utc};
use qunxue_store::profiles::{self, Profile, Role};
use qunxue_store::{settings, Store};

use super::*;
use crate::ErrorKind;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

/// A store with two learners, `a` (active) and `b`.
fn setup() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .transact(|tx| -> qunxue_store::Result<()> {
            profiles::insert(tx, &Profile::learner("a", "甲", "2026-01-01T00:00:00+00:00"))?;
            profiles::insert(tx, &Profile::learner("b", "乙", "2026-01-02T00:00:00+00:00"))
        })
        .unwrap();
    store
}

fn new(name: &str, colour: Option<&str>) -> NewProfile {
    NewProfile { display_name: name.into(), avatar_colour: colour.map(Into::into), pin: None }
}

fn switched(outcome: SwitchOutcome) -> ProfileView {
    match outcome {
        SwitchOutcome::Switched { profile } => profile,
        other => panic!("expected a switch, got {other:?}"),
    }
}

#[test]
fn creates_lists_by_last_use_renames_and_recolours() {
    let mut store = setup();
    let c = create_profile(&mut store, "a", &new("  王小丽 ", Some("#AA3366")), t0()).unwrap();
    assert_eq!((c.display_name.as_str(), c.avatar_colour.as_str(), c.role), ("王小丽", "#aa3366", Role::Learner));
    let list = list_profiles(&store, "a").unwrap();
    let names: Vec<_> = list.profiles.iter().map(|p| p.display_name.as_str()).collect();
    assert_eq!(names, ["王小丽", "乙", "甲"]);
    assert!(list.profiles.iter().find(|p| p.id == "a").unwrap().active);
    assert!(list.needs_first_admin);
    assert_eq!(rename_profile(&mut store, "a", "a", "甲二").unwrap().display_name, "甲二");
    assert_eq!(set_avatar_colour(&mut store, "a", "a", "#123456").unwrap().avatar_colour, "#123456");
}

#[test]
fn bad_names_and_colours_are_refused_with_reasons() {
    let mut store = setup();
    for (name, colour) in [
        ("", None),
        ("   ", None),
        ("名".repeat(41).as_str(), None),
        ("a\u{7}b", None),
        ("好", Some("red")),
        ("好", Some("#12345g")),
        ("好", Some("#1234567")),
    ] {
        let err = create_profile(&mut store, "a", &new(name, colour), t0()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name:?} {colour:?}");
    }
}

#[test]
fn learners_cannot_edit_others_or_give_roles_once_there_is_an_admin() {
    let mut store = setup();
    assert_eq!(rename_profile(&mut store, "a", "b", "坏").unwrap_err().kind(), ErrorKind::Forbidden);
    make_admin(&mut store, "a", "135790").unwrap();
    assert_eq!(
        set_profile_role(&mut store, "b", "b", Role::Admin, Some("246810")).unwrap_err().kind(),
        ErrorKind::Forbidden
    );
    assert_eq!(
        set_profile_role(&mut store, "b", "b", Role::Instructor, Some("246810")).unwrap_err().kind(),
        ErrorKind::Forbidden
    );
    // The admin may.
    let b = set_profile_role(&mut store, "a", "b", Role::Instructor, Some("246810")).unwrap().profile;
    assert!(b.needs_pin && b.role == Role::Instructor);
    assert_eq!(rename_profile(&mut store, "a", "b", "乙老师").unwrap().display_name, "乙老师");
}

#[test]
fn no_role_is_given_before_an_admin_is_set_up_and_the_admin_has_a_pin_and_a_code() {
    let mut store = setup();
    let refused = set_profile_role(&mut store, "b", "a", Role::Admin, Some("135790")).unwrap_err();
    assert_eq!(refused.remedy(), Some(crate::error::Remedy::SetUpAdmin), "{refused}");
    assert_eq!(make_admin(&mut store, "a", "1357").unwrap_err().kind(), ErrorKind::InvalidInput, "6 digits at least");
    let admin = make_admin(&mut store, "a", "135790").unwrap();
    assert_eq!(admin.profile.role, Role::Admin);
    let hash = profiles::pin_hash(store.conn(), "a").unwrap().unwrap();
    assert!(hash.starts_with("$argon2id$") && !hash.contains("135790"));
    let code_hash = profiles::recovery_hash(store.conn(), "a").unwrap().unwrap();
    assert!(!code_hash.contains(&admin.recovery_code.replace('-', "")));
    assert!(!list_profiles(&store, "a").unwrap().needs_first_admin);
    assert_eq!(machine::machine_use(&store).unwrap(), Some(MachineUse::Shared));
}

#[test]
fn the_last_admin_stays_and_demotion_drops_the_pin() {
    let mut store = setup();
    make_admin(&mut store, "a", "135790").unwrap();
    assert_eq!(
        set_profile_role(&mut store, "a", "a", Role::Learner, None).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    let b = set_profile_role(&mut store, "a", "b", Role::Admin, Some("246810")).unwrap();
    assert!(b.recovery_code.is_some(), "a new admin is handed a recovery code");
    let a = set_profile_role(&mut store, "b", "a", Role::Learner, None).unwrap().profile;
    assert!(!a.needs_pin);
    assert_eq!(profiles::pin_hash(store.conn(), "a").unwrap(), None);
    assert_eq!(profiles::recovery_hash(store.conn(), "a").unwrap(), None);
}

#[test]
fn switching_to_a_pin_profile_needs_its_pin_and_waits_after_five_wrong_ones() {
    let mut store = setup();
    make_admin(&mut store, "b", "246810").unwrap();
    assert_eq!(switch_profile(&mut store, "b", None, t0()).unwrap(), SwitchOutcome::PinRequired);
    for left in (1..MAX_PIN_FAILURES).rev() {
        assert_eq!(
            switch_profile(&mut store, "b", Some("0000"), t0()).unwrap(),
            SwitchOutcome::WrongPin { tries_left: left }
        );
    }
    assert_eq!(
        switch_profile(&mut store, "b", Some("0000"), t0()).unwrap(),
        SwitchOutcome::Locked { retry_after_seconds: LOCK_SECONDS }
    );
    // Even the right PIN is refused while locked.
    let later = t0() + Duration::seconds(LOCK_SECONDS - 10);
    assert_eq!(
        switch_profile(&mut store, "b", Some("246810"), later).unwrap(),
        SwitchOutcome::Locked { retry_after_seconds: 10 }
    );
    assert_eq!(settings::get(store.conn(), settings::ACTIVE_PROFILE).unwrap(), None, "nothing switched");
    let after = t0() + Duration::seconds(LOCK_SECONDS);
    let b = switched(switch_profile(&mut store, "b", Some("246810"), after).unwrap());
    assert!(b.active);
    assert_eq!(b.last_used_at, qunxue_store::time::stamp(after));
    assert_eq!(
        settings::get(store.conn(), settings::ACTIVE_PROFILE).unwrap(),
        None,
        "a PIN profile is not reopened at the next start without its PIN"
    );
    // A success resets the count: a new wrong PIN has all tries left again.
    assert_eq!(
        switch_profile(&mut store, "b", Some("1111"), after).unwrap(),
        SwitchOutcome::WrongPin { tries_left: MAX_PIN_FAILURES - 1 }
    );
}

#[test]
fn learners_switch_without_a_pin() {
    let mut store = setup();
    let a = switched(switch_profile(&mut store, "a", None, t0()).unwrap());
    assert_eq!(a.id, "a");
    assert_eq!(
        settings::get(store.conn(), settings::ACTIVE_PROFILE).unwrap().as_deref(),
        Some("a"),
        "a learner profile is remembered for the next start"
    );
    assert_eq!(list_profiles(&store, "a").unwrap().profiles[0].id, "a", "the last used comes first");
    assert_eq!(switch_profile(&mut store, "nobody", None, t0()).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn deleting_profiles_follows_the_rules() {
    let mut store = setup();
    let c = create_profile(&mut store, "a", &new("丙", None), t0()).unwrap();
    assert_eq!(delete_profile(&mut store, "a", "a").unwrap_err().kind(), ErrorKind::InvalidInput, "not the active one");
    // A learner never deletes someone else's profile, admin or not.
    assert_eq!(delete_profile(&mut store, "a", &c.id).unwrap_err().kind(), ErrorKind::Forbidden);
    assert_eq!(list_profiles(&store, "a").unwrap().profiles.len(), 3);
    make_admin(&mut store, "a", "135790").unwrap();
    delete_profile(&mut store, "a", &c.id).unwrap();
    assert_eq!(delete_profile(&mut store, "b", "a").unwrap_err().kind(), ErrorKind::Forbidden);
    delete_profile(&mut store, "a", "b").unwrap();
    assert_eq!(profiles::get(store.conn(), "b").unwrap_err().to_string(), "profile b not found");
}

#[test]
fn each_run_of_wrong_pins_doubles_the_lock_and_a_restart_does_not_reset_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qunxue.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .transact(|tx| -> qunxue_store::Result<()> {
                profiles::insert(tx, &Profile::learner("a", "甲", "2026-01-01T00:00:00+00:00"))?;
                profiles::insert(tx, &Profile::learner("b", "乙", "2026-01-01T00:00:00+00:00"))
            })
            .unwrap();
        make_admin(&mut store, "b", "246810").unwrap();
    }
    let mut now = t0();
    for expected in [LOCK_SECONDS, 2 * LOCK_SECONDS, 4 * LOCK_SECONDS] {
        // The app restarts between runs: the count lives in the database file.
        let mut store = Store::open(&path).unwrap();
        for _ in 1..MAX_PIN_FAILURES {
            assert!(matches!(
                switch_profile(&mut store, "b", Some("000000"), now).unwrap(),
                SwitchOutcome::WrongPin { .. }
            ));
        }
        assert_eq!(
            switch_profile(&mut store, "b", Some("000000"), now).unwrap(),
            SwitchOutcome::Locked { retry_after_seconds: expected }
        );
        now += Duration::seconds(expected);
    }
    // The right PIN after the lock resets the runs: the next lock is short again.
    let mut store = Store::open(&path).unwrap();
    switched(switch_profile(&mut store, "b", Some("246810"), now).unwrap());
    for _ in 1..MAX_PIN_FAILURES {
        switch_profile(&mut store, "b", Some("000000"), now).unwrap();
    }
    assert_eq!(
        switch_profile(&mut store, "b", Some("000000"), now).unwrap(),
        SwitchOutcome::Locked { retry_after_seconds: LOCK_SECONDS }
    );
    assert_eq!(switch::lock_seconds(40), MAX_LOCK_SECONDS, "a day at most");
}
