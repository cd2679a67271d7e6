//! Backups, restores, rotation and the start-up check, on real database files.

use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};
use qunxue_store::profiles::{self, Profile};
use qunxue_store::Connection;
use qunxue_store::Store;

use super::rotation::{daily_backup_if_due, prune, KEEP_DAILY, KEEP_RECENT, KEEP_WEEKLY};
use super::startup::{open_checked, recover_from_backup, start_afresh, Startup};
use super::*;
use crate::AppError;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn store_with_learners(path: &Path, names: &[&str]) -> Store {
    let mut store = Store::open(path).unwrap();
    store
        .transact(|tx| -> Result<(), qunxue_store::StoreError> {
            for (i, name) in names.iter().enumerate() {
                profiles::insert(tx, &Profile::learner(format!("p{i}"), *name, "2026-11-01T08:00:00Z"))?;
            }
            Ok(())
        })
        .unwrap();
    store
}

fn names(store: &Store) -> Vec<String> {
    profiles::list(store.conn()).unwrap().into_iter().map(|p| p.display_name).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn a_backup_of_a_database_in_use_restores_with_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("qunxue.db");
    let store = store_with_learners(&live, &["小王", "李老师"]);
    let out = dir.path().join("copy.db");
    let written = backup_to_file(store.conn(), &out).unwrap();
    assert_eq!(written.schema_version, qunxue_store::SCHEMA_VERSION);
    assert_eq!(written.size, std::fs::metadata(&out).unwrap().len());
    // The copy is one self-contained file: no WAL next to it.
    assert!(!dir.path().join("copy.db-wal").exists());
    let check = verify_backup(&out).unwrap();
    assert_eq!(check.profiles, 2);

    // Later changes are undone by restoring.
    let mut store = store;
    store.transact(|tx| profiles::delete(tx, "p0").map(|_| ())).unwrap();
    drop(store);
    let outcome = restore_database(&out, &live, at(2, 9)).unwrap();
    let kept = outcome.replaced_kept_at.expect("the replaced file is kept");
    let restored = Store::open(&live).unwrap();
    assert_eq!(sorted(names(&restored)), ["小王", "李老师"]);
    // The file set aside is the database as it was before the restore.
    let aside = Connection::open(&kept).unwrap();
    let left: i64 = aside.query_row("SELECT count(*) FROM profiles", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 1);
}

#[test]
fn backing_up_onto_the_live_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("qunxue.db");
    let store = store_with_learners(&live, &["小王"]);
    let error = backup_to_file(store.conn(), &live).unwrap_err();
    assert!(error.to_string().contains("live database"), "{error}");
}

#[test]
fn bad_backups_are_refused_before_the_live_file_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("qunxue.db");
    drop(store_with_learners(&live, &["小王"]));
    let before = std::fs::read(&live).unwrap();

    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, "这不是数据库".repeat(500)).unwrap();
    let newer = dir.path().join("newer.db");
    drop(store_with_learners(&newer, &["未来"]));
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE t(x); PRAGMA user_version = 3;").unwrap();

    let cases = [
        (garbage.as_path(), "cannot be opened"),
        (newer.as_path(), "newer Qunxue (schema 999"),
        (foreign.as_path(), "not a Qunxue learner database"),
    ];
    for (backup, expected) in cases {
        let error = restore_database(backup, &live, at(2, 9)).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(expected) || message.contains("not a readable"), "{backup:?}: {message}");
        assert!(message.contains(&backup.display().to_string()), "names the file: {message}");
        assert!(matches!(error, AppError::Rejected(_)));
    }
    let missing = restore_database(&dir.path().join("missing.db"), &live, at(2, 9)).unwrap_err();
    assert!(matches!(missing, AppError::NotFound(_)), "{missing}");
    assert_eq!(std::fs::read(&live).unwrap(), before, "the live database is unchanged");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restoring") || n.contains("replaced") || n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Empty files named like backups: the policy only looks at names.
fn touch_backups(data_dir: &Path, times: &[(DateTime<Utc>, BackupReason)]) {
    let dir = backups_dir(data_dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (time, reason) in times {
        let name = format!("qunxue-{}-{}.db", time.format("%Y%m%dT%H%M%S%.3fZ"), reason.as_str());
        std::fs::write(dir.join(name), b"x").unwrap();
    }
}

#[test]
fn rotation_keeps_seven_days_four_weeks_the_latest_three_and_every_manual_backup() {
    let dir = tempfile::tempdir().unwrap();
    // Two daily-ish backups a day for 60 days, plus an old manual one.
    let start = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
    let mut times: Vec<_> = (0..60)
        .flat_map(|d| {
            let day = start + Duration::days(d);
            [(day, BackupReason::Daily), (day + Duration::hours(5), BackupReason::PreImport)]
        })
        .collect();
    times.push((start - Duration::days(90), BackupReason::Manual));
    touch_backups(dir.path(), &times);
    let deleted = prune(dir.path(), &utc()).unwrap();
    let left = list_backups(dir.path()).unwrap();
    assert_eq!(deleted.len() + left.len(), times.len());

    let automatic: Vec<_> = left.iter().filter(|b| b.reason != BackupReason::Manual).collect();
    let days: std::collections::BTreeSet<_> = automatic.iter().map(|b| &b.created_at[..10]).collect();
    // 7 daily + up to 4 weekly (the newest week's is already a daily one) ...
    assert!(days.len() >= KEEP_DAILY && days.len() <= KEEP_DAILY + KEEP_WEEKLY, "{days:?}");
    // ... and the 3 newest automatic backups, whatever their day.
    let newest: Vec<_> = times.iter().filter(|(_, r)| *r != BackupReason::Manual).map(|(t, _)| *t).collect();
    let mut newest = newest;
    newest.sort();
    for time in newest.iter().rev().take(KEEP_RECENT) {
        let stamp = time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        assert!(left.iter().any(|b| b.created_at == stamp), "newest {stamp} kept");
    }
    assert_eq!(left.iter().filter(|b| b.reason == BackupReason::Manual).count(), 1, "manual backups stay");
    // Nothing older than four weeks except the manual backup.
    let oldest_auto = automatic.iter().map(|b| b.created_at.clone()).min().unwrap();
    assert!(oldest_auto.as_str() >= "2026-10-01", "{oldest_auto}");
    // Pruning again deletes nothing.
    assert!(prune(dir.path(), &utc()).unwrap().is_empty());
}

#[test]
fn the_daily_backup_is_made_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_learners(&dir.path().join("qunxue.db"), &["小王"]);
    let first =
        daily_backup_if_due(store.conn(), dir.path(), at(3, 8), &utc()).unwrap().expect("first start of the day");
    assert_eq!(first.reason, BackupReason::Daily);
    assert!(daily_backup_if_due(store.conn(), dir.path(), at(3, 17), &utc()).unwrap().is_none());
    assert!(daily_backup_if_due(store.conn(), dir.path(), at(4, 8), &utc()).unwrap().is_some());
    assert_eq!(list_backups(dir.path()).unwrap().len(), 2);
    assert_eq!(verify_backup(&first.path).unwrap().profiles, 1);
}

/// Writes garbage over every page after the first: table and index pages
/// become unreadable while the file still starts like a database.
fn scribble_over_pages(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    assert!(bytes.len() > page, "the test database has more than one page");
    for (i, byte) in bytes[page..].iter_mut().enumerate() {
        *byte = (i % 251) as u8;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_database_is_detected_at_start_up_and_restored_from_the_latest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("qunxue.db");
    let data = dir.path();
    // A normal start makes the daily backup; the learners are in it.
    drop(store_with_learners(&live, &["小王", "李老师", "张三"]));
    let Startup::Ready(ready) = open_checked(&live, data, at(5, 8), &utc()).unwrap() else {
        panic!("healthy at first")
    };
    assert!(ready.backup.is_some() && ready.backup_error.is_none());
    drop(ready);

    scribble_over_pages(&live);
    let damaged_bytes = std::fs::read(&live).unwrap();
    let Startup::Damaged(damage) = open_checked(&live, data, at(6, 8), &utc()).unwrap() else {
        panic!("damage not detected")
    };
    assert!(!damage.problem.is_empty());
    assert_eq!(damage.backups.len(), 1);
    let latest = &damage.backups[0];

    let (store, outcome) = recover_from_backup(&live, &latest.path, at(6, 8)).unwrap();
    assert_eq!(sorted(names(&store)), ["小王", "张三", "李老师"]);
    let check: String = store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    // The damaged file was moved aside byte for byte, not deleted.
    let kept = outcome.replaced_kept_at.unwrap();
    assert_eq!(std::fs::read(kept).unwrap(), damaged_bytes);
    drop(store);
    assert!(matches!(open_checked(&live, data, at(6, 9), &utc()).unwrap(), Startup::Ready(_)));
}

#[test]
fn a_file_that_is_not_a_database_is_damage_too_and_can_be_replaced_by_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("qunxue.db");
    std::fs::write(&live, vec![0x5a; 8192]).unwrap();
    let Startup::Damaged(damage) = open_checked(&live, dir.path(), at(7, 8), &utc()).unwrap() else {
        panic!("not detected")
    };
    assert!(damage.backups.is_empty());
    let (store, kept) = start_afresh(&live, at(7, 8)).unwrap();
    assert!(names(&store).is_empty());
    assert_eq!(std::fs::read(kept.unwrap()).unwrap(), vec![0x5a; 8192]);
}

#[test]
fn an_old_schema_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("qunxue.db");
    // A file left by an older build: schema 1, with a learner in it.
    let mut conn = Connection::open(&live).unwrap();
    qunxue_store::migrate_to(&mut conn, 1).unwrap();
    conn.execute("INSERT INTO profiles VALUES ('p0', '小王', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z')", [])
        .unwrap();
    drop(conn);
    let Startup::Ready(ready) = open_checked(&live, dir.path(), at(8, 8), &utc()).unwrap() else { panic!("healthy") };
    assert_eq!(ready.store.schema_version().unwrap(), qunxue_store::SCHEMA_VERSION);
    let backups = list_backups(dir.path()).unwrap();
    let reasons: Vec<_> = backups.iter().map(|b| b.reason).collect();
    assert!(reasons.contains(&BackupReason::PreMigration), "{reasons:?}");
    let pre = backups.iter().find(|b| b.reason == BackupReason::PreMigration).unwrap();
    assert_eq!(verify_backup(&pre.path).unwrap().schema_version, 1);
    assert_eq!(names(&ready.store), ["小王"]);
}

fn utc() -> crate::session::Zone {
    crate::session::fixed_zone(0)
}

/// Issue #32: "once a day" follows the machine's calendar. In UTC+8, 23:30
/// UTC and 00:30 UTC the next day are 07:30 and 08:30 of one morning.
#[test]
fn the_daily_backup_follows_the_local_calendar_day() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("live.db")).unwrap();
    let china = crate::session::fixed_zone(8 * 3600);
    let evening_utc = Utc.with_ymd_and_hms(2026, 3, 2, 23, 30, 0).unwrap();
    let next_utc_day = Utc.with_ymd_and_hms(2026, 3, 3, 0, 30, 0).unwrap();
    assert!(daily_backup_if_due(store.conn(), dir.path(), evening_utc, &china).unwrap().is_some());
    assert!(
        daily_backup_if_due(store.conn(), dir.path(), next_utc_day, &china).unwrap().is_none(),
        "same local morning"
    );
    // In UTC the two instants fall on two days.
    let other = tempfile::tempdir().unwrap();
    assert!(daily_backup_if_due(store.conn(), other.path(), evening_utc, &utc()).unwrap().is_some());
    assert!(daily_backup_if_due(store.conn(), other.path(), next_utc_day, &utc()).unwrap().is_some());
}
