//! Upgrades from every older schema, with data in it: for each version k the
//! test builds a real database file migrated only to k, fills every table that
//! exists at k, migrates to the latest schema and checks that every row and
//! value is still there and that columns added later hold their documented
//! defaults.

use rstest::rstest;
use rusqlite::types::Value;
use rusqlite::Connection;

use super::{current_version, migrate, SCHEMA_VERSION};

/// Rows inserted once the schema has reached the given version, written with
/// the columns that version has. Every table gets at least one row.
const SEEDS: &[(i64, &str)] = &[
    (
        1,
        "INSERT INTO courses VALUES ('c1', '1.0.0', '社群运营入门', 'zh-CN', '从零搭建社群', '群学', '#2f6f5e',
             'branding/logo.png', '/packs/c1/1.0.0', '2026-01-01T08:00:00Z', '2026-01-02T08:00:00Z');
         INSERT INTO modules VALUES ('c1', 'm1', 1, 'theory', '什么是社群', 12, '[\"理解社群\"]', 'modules/01.md',
             '# 社群\n社群运营', '<h1>社群</h1><p>社群运营</p>', 0);
         INSERT INTO modules VALUES ('c1', 'm2', 2, 'practice', '裂变活动', 20, '[]', 'modules/02.md',
             '# 裂变', '<h1>裂变</h1>', 1);
         INSERT INTO profiles VALUES ('p1', '小王', '2026-01-01T08:00:00Z', '2026-01-03T09:30:00Z');
         INSERT INTO module_progress VALUES ('p1', 'c1', 'm1', 'completed', '2026-01-01T08:05:00Z',
             '2026-01-02T10:00:00Z', 3, '2026-01-02T10:20:00Z');
         INSERT INTO settings VALUES ('active_profile', 'p1');",
    ),
    (
        2,
        "INSERT INTO questions VALUES ('c1', 'q1', 'bank-basics', 'single', 2, '[\"社群\"]',
             '{\"id\":\"q1\",\"stem\":\"社群的核心是？\"}', 0);
         INSERT INTO questions VALUES ('c1', 'q2', 'bank-basics', 'short', 3, '[]', '{\"id\":\"q2\"}', 0);
         INSERT INTO course_items VALUES ('c1', 'quiz', 'quiz1', '{\"pass_mark\":60}', 0);
         INSERT INTO course_items VALUES ('c1', 'task', 't1', '{\"rubric\":\"r1\"}', 0);
         INSERT INTO course_items VALUES ('c1', 'survey', 's1', '{}', 0);",
    ),
    (
        3,
        "INSERT INTO attempts VALUES ('a1', 'p1', 'c1', 'quiz', 'quiz1', 1, -7, '{\"order\":[\"q1\"]}',
             '2026-01-02T11:00:00Z', '2026-01-02T11:30:00Z', '2026-01-02T11:12:00Z', 'submitted', 8.5, 10.0, 85.0, 1);
         INSERT INTO attempt_answers VALUES ('a1', 'q1', '{\"choice\":[1]}', '2026-01-02T11:05:00Z', 1.0, 1.0, 1, NULL);
         INSERT INTO attempt_answers VALUES ('a1', 'q2', '{\"text\":\"用户分层\"}', '2026-01-02T11:06:00Z', 0.0, 2.0,
             NULL, 1.5);
         INSERT INTO review_cards VALUES ('p1', 'c1', 'q1', '{\"stability\":2.5}', '2026-01-05T00:00:00Z', NULL);",
    ),
    (
        4,
        "INSERT INTO profiles VALUES ('p2', '李老师', '2026-01-04T08:00:00Z', '2026-01-04T08:00:00Z', 'instructor',
             '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', '#aa3355');",
    ),
    (
        5,
        "INSERT INTO notes VALUES ('n1', 'p1', 'c1', 'm1', 'qx-she-qun', '社群运营', '记住：先定位再拉新',
             '2026-01-05T08:00:00Z', '2026-01-05T08:10:00Z');
         INSERT INTO bookmarks VALUES ('p1', 'c1', 'm1', '2026-01-05T08:11:00Z');
         INSERT INTO module_progress VALUES ('p2', 'c1', 'm1', 'in_progress', '2026-01-05T09:00:00Z',
             '2026-01-05T09:20:00Z', 1, NULL, 340, '2026-01-05T09:19:00Z', 'qx-she-qun', 0.4);
         INSERT INTO pin_failures VALUES ('p2', 2, '2026-01-05T10:00:00Z');
         INSERT INTO search_docs VALUES (1, 'module', 'c1', 'm1', 'qx-she-qun', NULL, NULL, '什么是社群', '社群',
             '社群 运营');
         INSERT INTO search_fts (rowid, title, heading, body) VALUES (1, '什么 是 社群', '社群', '社群 运营');",
    ),
    (
        6,
        "INSERT INTO attachment_blobs VALUES ('ab12', 2048, 'image/png', '2026-01-06T08:00:00Z');
         INSERT INTO task_drafts VALUES ('p1', 'c1', 'task', 't1', '草稿：活动方案',
             '[{\"sha256\":\"ab12\",\"name\":\"海报.png\"}]', '2026-01-06T08:01:00Z');
         INSERT INTO submission_versions VALUES ('sv1', 'p1', 'c1', 'task', 't1', 1, 'submission', '活动方案 v1',
             '[]', '2026-01-06T09:00:00Z');
         INSERT INTO marks VALUES ('sv1', 'p2', '李老师', '{\"c1\":2}', '{\"c1\":\"清楚\"}', '不错', 8.0, 80.0,
             'complete', '2026-01-06T10:00:00Z');
         INSERT INTO results VALUES ('sv1', '{\"c1\":2}', '{\"c1\":\"清楚\"}', '不错', 8.0, 80.0, 100.0, 'single',
             '李老师', '2026-01-06T10:05:00Z');
         INSERT INTO double_marked_tasks VALUES ('c1', 't1');
         INSERT INTO comment_bank VALUES ('cb1', 'c1', NULL, '结构清晰', 4, '2026-01-06T10:06:00Z');
         INSERT INTO pinned_keys VALUES ('instructor:c1', 'aa11', '2026-01-06T11:00:00Z');
         INSERT INTO imported_bundles VALUES ('b1', 'grades', 'instructor:c1', 'c1', 1, '2026-01-06T11:00:00Z');
         INSERT INTO bundle_sequences VALUES ('grades', 'instructor:c1', 'c1', 1);",
    ),
    (
        7,
        "INSERT INTO impact_studies VALUES ('st1', 'c1', '春季训练营', 'team', '2026-01-01', '2026-01-31',
             '2026-03-01', '2026-03-31', 5000.0, NULL, '2026-01-07T08:00:00Z', '2026-01-07T08:00:00Z');
         INSERT INTO impact_metrics VALUES ('st1', 'fans', '新增粉丝数', '人', 'up', 'sum', 'new_fans', 0);
         INSERT INTO impact_units VALUES ('st1', '一组', 'treatment');
         INSERT INTO impact_observations VALUES ('st1', '一组', 'fans', 'before', 120.0, 'manual',
             '2026-01-07T08:01:00Z');
         INSERT INTO survey_responses VALUES ('c1', 'survey', 's1', 'p1', 'satisfaction', 5, NULL,
             '2026-01-07T09:00:00Z');",
    ),
    (
        8,
        "INSERT INTO attempts VALUES ('a2', 'p1', 'c1', 'quiz', 'quiz1', 2, 99, '{}', '2026-01-08T11:00:00Z', NULL,
             '2026-01-08T11:10:00Z', 'submitted', 2.0, 2.0, 100.0, 1);
         INSERT INTO attempt_answers VALUES ('a2', 'q2', '{\"text\":\"精准拉新\"}', '2026-01-08T11:05:00Z', 2.0,
             2.0, NULL, 2.0, '很好', 'p2', '2026-01-08T12:00:00Z', '2026-01-08T12:30:00Z');",
    ),
    (
        9,
        "INSERT INTO questions VALUES ('c1', 'lq1', 'local', 'true_false', 1, '[]', '{\"id\":\"lq1\"}', 0, 'local');
         INSERT INTO course_items VALUES ('c1', 'quiz', 'local-quiz', '{}', 0, 'local');
         INSERT INTO local_quiz_sources VALUES ('c1', 'local-quiz', '练习.gift', 'gift', 'p2',
             '2026-01-09T08:00:00Z');",
    ),
    (
        10,
        "INSERT INTO trusted_keys VALUES ('instructor:c1', 'bb22', '2026-01-10T08:00:00Z', 'p1');
         INSERT INTO imported_bundles VALUES ('b2', 'grades', 'instructor:c1', 'c1', 1, '2026-01-10T08:01:00Z',
             'bb22');",
    ),
    (
        11,
        "INSERT INTO certificates VALUES ('QX-AAAA-BBBB-CCCC-DDDD', 'p1', 'c1', '1.0.0', '社群运营入门', '小王',
             '2026-01-11', '2026-01-11T08:00:00Z');",
    ),
    (
        12,
        "INSERT INTO xapi_outbox VALUES ('st-1', '{\"verb\":{\"id\":\"completed\"}}', 'http://adlnet.gov/expapi/verbs/completed',
             '2026-01-12T08:00:00Z', NULL, 2, 'connection refused');
         INSERT INTO xapi_registrations VALUES ('p1', 'c1', '6f1c0a52-7c1e-4d43-9b8f-2d3c1e0a9b11');",
    ),
    (
        13,
        "INSERT INTO search_docs VALUES (2, 'note', 'c1', 'm1', 'qx-she-qun', 'n1', 'p1', '社群运营', '',
             '记住：先定位再拉新');
         INSERT INTO search_fts (rowid, title, heading, body, scope) VALUES (2, '社群 运营', '',
             '记住 先 定位 再 拉新', 'note7031');",
    ),
    (
        14,
        "INSERT INTO profiles (id, display_name, role, avatar_colour, created_at, last_used_at, origin)
             VALUES ('p3', '外店学员', 'learner', '#2f6f5e', '2026-01-14T08:00:00Z', '2026-01-14T08:00:00Z', 'member');
         INSERT INTO classes VALUES ('HD7K2Q3M', 'c1', '华东门店一期', '2026-01-14T08:00:00Z');
         INSERT INTO class_members VALUES ('HD7K2Q3M', 'p1', '2026-01-14T08:01:00Z');
         INSERT INTO class_members VALUES ('HD7K2Q3M', 'p3', '2026-01-14T08:01:00Z');
         INSERT INTO member_sources VALUES ('p3', 'bundle', '2026-01-14T08:02:00Z');
         INSERT INTO imported_bundles VALUES ('b3', 'records', 'records:p3', 'c1', 1, '2026-01-14T08:03:00Z', 'cc33');",
    ),
    (
        15,
        "UPDATE pin_failures SET lockouts = 2 WHERE profile_id = 'p2';
         INSERT INTO admin_log (at, actor_id, actor_name, action, detail)
             VALUES ('2026-01-15T08:00:00Z', 'p2', '李老师', 'remove_course', 'c9');",
    ),
    (16, "UPDATE profiles SET recovery_hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' WHERE id = 'p2';"),
    (
        17,
        "INSERT INTO lrs_statements VALUES ('st-9', 'c1', 'p3', '{\"verb\":{\"id\":\"completed\"}}', '2026-01-17T08:00:00Z');
         INSERT INTO lrs_pulls VALUES ('https://lrs.example.com/xAPI', 'c1', NULL, '2026-01-17T08:01:00Z');",
    ),
    (
        18,
        "INSERT INTO attachment_blobs VALUES ('cd34', 1024, 'application/pdf', '2026-01-18T08:00:00Z');
         INSERT INTO attachment_owners VALUES ('cd34', 'p1');",
    ),
    (
        19,
        "INSERT INTO course_instructor_keys VALUES ('c1', '3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29');",
    ),
    (20, "INSERT INTO course_completion_rules VALUES ('c1', '{\"task\":[{\"id\":\"t1\",\"min_percent\":60.0}],\"surveys\":[]}');"),
    (21, "INSERT INTO course_reviews VALUES ('c1', '2026-12-01');"),
    (22, "INSERT INTO glossary_terms VALUES ('c1', 'churn-rate', 1, '{\"id\":\"churn-rate\",\"name\":\"流失率\",\"aliases\":[],\"definition\":\"退群的人占期初成员的比例。\"}');"),
    (23, "INSERT INTO question_key_changes VALUES ('c1', 'q1', '1.1.0', '1.0.0', '2026-12-07T00:00:00Z', '{}', NULL, NULL);"),
    // Written after 24, in the one stored form of an instant.
    (24, "INSERT INTO notes VALUES ('n24', 'p1', 'c1', 'm1', NULL, NULL, '第 24 版之后的笔记',
             '2026-12-08T01:02:03.456Z', '2026-12-08T01:02:03.456Z');"),
];

/// What migration 24 made of an instant an older version wrote: the same
/// instant in the one stored form (SQLite's own conversion, as the migration
/// does it). Every other value is carried over as it was.
fn migrated_value(conn: &Connection, column: &str, from: i64, old: &Value) -> Value {
    match old {
        Value::Text(text) if from < 24 && crate::time::is_time_column(column) => conn
            .query_row("SELECT CASE WHEN ?1 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*' THEN strftime('%Y-%m-%dT%H:%M:%fZ', ?1) END", [text], |r| r.get::<_, Option<String>>(0))
            .unwrap()
            .map_or_else(|| old.clone(), Value::Text),
        _ => old.clone(),
    }
}

/// Columns added to existing tables after version 1, and the value rows that
/// existed before get (documented in the migration that adds them).
const ADDED_COLUMNS: &[(i64, &str, &str, Filled)] = &[
    (4, "profiles", "role", Filled::Text("learner")),
    (4, "profiles", "pin_hash", Filled::Null),
    (4, "profiles", "avatar_colour", Filled::Text("#2f6f5e")),
    (5, "module_progress", "active_seconds", Filled::Integer(0)),
    (5, "module_progress", "last_beat_at", Filled::Null),
    (5, "module_progress", "position_anchor", Filled::Null),
    (5, "module_progress", "position_ratio", Filled::Null),
    (8, "attempt_answers", "manual_comment", Filled::Null),
    (8, "attempt_answers", "graded_by", Filled::Null),
    (8, "attempt_answers", "graded_at", Filled::Null),
    (8, "attempt_answers", "checked_at", Filled::Null),
    (9, "questions", "origin", Filled::Text("pack")),
    (9, "course_items", "origin", Filled::Text("pack")),
    // Bundles imported before per-key replay guards came from the one key pinned for their signer.
    (10, "imported_bundles", "public_key", Filled::PinnedKeyOfSigner),
    // Everyone before classes existed could be picked on their machine.
    (14, "profiles", "origin", Filled::Text("local")),
    // No lock before the runs were counted had been doubled.
    (15, "pin_failures", "lockouts", Filled::Integer(0)),
    // Admins made before set-up existed have no recovery code.
    (16, "profiles", "recovery_hash", Filled::Null),
    // Every module before instructor-only content was for everyone, without blocks.
    (22, "modules", "audience", Filled::Text("learner")),
    (22, "modules", "instructor_html", Filled::Null),
];

/// Rows a migration adds to an existing table, as (version, table, the added
/// rows' first column): migration 16 answers the first-run question for a
/// database that was already in use.
const ADDED_ROWS: &[(i64, &str, &str)] = &[(16, "settings", "machine_use")];

/// Derived tables a migration recreated empty, because the app rebuilds them
/// from their sources on first use (the search index: migration 13 leaves its
/// state without a current version, which the last check below pins).
const REBUILT_TABLES: &[(i64, &str)] = &[(13, "search_fts")];

/// Tables a migration replaced, with where their rows went.
const MOVED_TABLES: &[(i64, &str, &str)] =
    &[(10, "pinned_keys", "SELECT signer, public_key, pinned_at FROM trusted_keys WHERE trusted_by IS NULL")];

#[derive(Debug, Clone, Copy)]
enum Filled {
    Null,
    Integer(i64),
    Text(&'static str),
    PinnedKeyOfSigner,
}

use crate::testing::{snapshot, Rows};

/// A database file as an older build would have left it: migrated one
/// version at a time up to `version`, with each version's seed rows written
/// as soon as that version's schema exists (so older rows go through every
/// later migration, as real data does).
fn build_at(path: &std::path::Path, version: i64) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    for step in 1..=version {
        migrate(&mut conn, step).unwrap();
        for (_, sql) in SEEDS.iter().filter(|(v, _)| *v == step) {
            conn.execute_batch(sql).unwrap_or_else(|e| panic!("seed for version {step} failed: {e}"));
        }
    }
    assert_eq!(current_version(&conn).unwrap(), version);
    conn
}

#[test]
fn attachments_already_in_drafts_and_submissions_belong_to_their_learner_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut conn = build_at(&path, 17);
    migrate(&mut conn, 18).unwrap();
    let owners: Vec<(String, String)> = conn
        .prepare("SELECT sha256, profile_id FROM attachment_owners ORDER BY 1, 2")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(owners, [("ab12".to_string(), "p1".to_string())], "the blob p1's draft and submission carry");
}

#[test]
fn every_migration_has_seed_data() {
    let versions: Vec<i64> = SEEDS.iter().map(|(v, _)| *v).collect();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>(), "add a SEEDS entry for each new migration");
}

#[rstest]
fn upgrades_keep_every_row(#[values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)] from: i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let conn = build_at(&path, from);
    let before = snapshot(&conn);
    for (table, (_, rows)) in &before {
        assert!(!rows.is_empty() || table == "search_index_state", "schema {from}: table {table} has no seed rows");
    }
    drop(conn);

    // Reopen the file like the app does and migrate to the latest schema.
    let mut conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    migrate(&mut conn, SCHEMA_VERSION).unwrap();
    assert_eq!(current_version(&conn).unwrap(), SCHEMA_VERSION);
    let after = snapshot(&conn);
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let fk_violations: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk_violations, 0, "schema {from}: foreign keys broken by the upgrade");

    for (table, (old_columns, old_rows)) in &before {
        let Some((new_columns, new_rows)) = after.get(table) else {
            let (_, _, query) = MOVED_TABLES
                .iter()
                .find(|(v, name, _)| *name == table.as_str() && *v > from)
                .unwrap_or_else(|| panic!("schema {from}: table {table} disappeared"));
            let mut stmt = conn.prepare(query).unwrap();
            let moved: Rows = stmt
                .query_map([], |r| {
                    (0..old_columns.len()).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let expected: Rows = old_rows
                .iter()
                .map(|row| {
                    old_columns
                        .iter()
                        .zip(row)
                        .map(|(column, value)| migrated_value(&conn, column, from, value))
                        .collect()
                })
                .collect();
            assert_eq!(moved, expected, "schema {from}: rows of {table} were not carried over");
            continue;
        };
        if REBUILT_TABLES.iter().any(|(v, name)| *name == table.as_str() && *v > from) {
            assert!(new_rows.is_empty(), "schema {from}: {table} is rebuilt from its sources, not carried over");
            continue;
        }
        let added: Vec<&str> =
            ADDED_ROWS.iter().filter(|(v, t, _)| *t == table.as_str() && *v > from).map(|(_, _, key)| *key).collect();
        let new_rows: Rows = new_rows
            .iter()
            .filter(|row| !added.iter().any(|key| row[0] == Value::Text((*key).to_owned())))
            .cloned()
            .collect();
        assert_eq!(new_rows.len(), old_rows.len(), "schema {from}: row count of {table} changed");
        for (old_row, new_row) in old_rows.iter().zip(&new_rows) {
            for (column, old_value) in old_columns.iter().zip(old_row) {
                let at = new_columns.iter().position(|c| c == column).expect("column kept");
                let expected = migrated_value(&conn, column, from, old_value);
                assert_eq!(new_row[at], expected, "schema {from}: {table}.{column} changed");
            }
            for (at, column) in new_columns.iter().enumerate() {
                if old_columns.contains(column) {
                    continue;
                }
                let (_, _, _, default) = ADDED_COLUMNS
                    .iter()
                    .find(|(v, t, c, _)| *t == table.as_str() && *c == column.as_str() && *v > from)
                    .unwrap_or_else(|| {
                        panic!("{table}.{column} is new but has no documented default in ADDED_COLUMNS")
                    });
                let expected = match default {
                    Filled::Null => Value::Null,
                    Filled::Integer(n) => Value::Integer(*n),
                    Filled::Text(text) => Value::Text((*text).to_owned()),
                    Filled::PinnedKeyOfSigner => {
                        let signer = &old_row[old_columns.iter().position(|c| c == "signer").unwrap()];
                        let (_, pinned) = &before["pinned_keys"];
                        pinned
                            .iter()
                            .find(|key| &key[0] == signer)
                            .map_or(Value::Text(String::new()), |key| key[1].clone())
                    }
                };
                assert_eq!(new_row[at], expected, "schema {from}: default of new column {table}.{column}");
            }
        }
    }

    // Courses existed before the search index did (migration 5), so its state
    // stays empty and the index is rebuilt on first use.
    assert!(after["search_index_state"].1.is_empty(), "schema {from}: search index state");
}

/// Issue #32: after the upgrade every instant in every table reads back in
/// the one stored form, through `FromSql` as the app reads it.
#[test]
fn every_time_column_holds_one_format_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    drop(build_at(&path, 23));
    let mut conn = Connection::open(&path).unwrap();
    migrate(&mut conn, SCHEMA_VERSION).unwrap();
    let mut checked = 0;
    for (table, (columns, rows)) in snapshot(&conn) {
        for (at, column) in columns.iter().enumerate().filter(|(_, c)| crate::time::is_time_column(c)) {
            for row in &rows {
                let Value::Text(text) = &row[at] else { continue };
                assert!(crate::time::is_stored_form(text), "{table}.{column} holds {text:?}");
                let read: crate::time::Timestamp =
                    conn.query_row("SELECT ?1", [text], |r| r.get(0)).expect("reads through FromSql");
                assert_eq!(&crate::time::stamp(read.0), text);
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "only {checked} instants checked");
}

/// Issue #32: every status column reads through its enum's `FromSql` (an
/// unknown text would fail the read, see `status::tests`).
#[test]
fn every_status_column_reads_as_its_enum() {
    use crate::status::{AttemptStatus, MarkStatus, ProgressStatus, VersionSource};
    let dir = tempfile::tempdir().unwrap();
    let conn = build_at(&dir.path().join("latest.db"), SCHEMA_VERSION);
    fn read_all<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> Vec<T> {
        let mut statement = conn.prepare(sql).unwrap();
        statement.query_map([], |r| r.get::<_, T>(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }
    let attempts: Vec<AttemptStatus> = read_all(&conn, "SELECT status FROM attempts");
    let progress: Vec<ProgressStatus> = read_all(&conn, "SELECT status FROM module_progress");
    let marks: Vec<MarkStatus> = read_all(&conn, "SELECT status FROM marks");
    let sources: Vec<VersionSource> = read_all(&conn, "SELECT source FROM submission_versions");
    assert!(!attempts.is_empty() && !progress.is_empty() && !marks.is_empty() && !sources.is_empty());
    // The CHECK constraints and the enums name the same texts.
    for (table, column, texts) in [
        ("attempts", "status", AttemptStatus::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
        ("module_progress", "status", ProgressStatus::ALL.iter().map(|s| s.as_str()).collect()),
        ("marks", "status", MarkStatus::ALL.iter().map(|s| s.as_str()).collect()),
        ("submission_versions", "source", VersionSource::ALL.iter().map(|s| s.as_str()).collect()),
    ] {
        let schema: String =
            conn.query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [table], |r| r.get(0)).unwrap();
        let quoted = texts.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
        assert!(schema.contains(&format!("CHECK ({column} IN ({quoted}))")), "{table}.{column}: {schema}");
    }
}

#[test]
fn a_database_built_up_to_the_latest_schema_has_data_in_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let conn = build_at(&dir.path().join("latest.db"), SCHEMA_VERSION);
    for (table, (_, rows)) in snapshot(&conn) {
        assert!(!rows.is_empty() || table == "search_index_state", "table {table} has no seed rows");
    }
}

#[test]
fn a_learner_only_a_submissions_bundle_brought_becomes_a_class_member() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = build_at(&dir.path().join("q.db"), 13);
    conn.execute_batch(
        "INSERT INTO profiles (id, display_name, role, avatar_colour, created_at, last_used_at)
             VALUES ('p9', '外地学员', 'learner', '#2f6f5e', '2026-01-13T08:00:00Z', '2026-01-13T08:00:00Z');
         INSERT INTO imported_bundles VALUES ('b9', 'submissions', 'learner:p9', 'c1', 1, '2026-01-13T09:00:00Z', 'dd44');",
    )
    .unwrap();
    migrate(&mut conn, 14).unwrap();
    let origin = |id: &str| {
        conn.query_row("SELECT origin FROM profiles WHERE id = ?1", [id], |r| r.get::<_, String>(0)).unwrap()
    };
    assert_eq!(origin("p9"), "member");
    // p1 took quizzes and studied here: still someone who can pick their profile.
    assert_eq!(origin("p1"), "local");
    let source: String =
        conn.query_row("SELECT source FROM member_sources WHERE profile_id = 'p9'", [], |r| r.get(0)).unwrap();
    assert_eq!(source, "bundle");
}

#[test]
fn a_database_in_use_is_not_asked_the_first_run_question_again() {
    let dir = tempfile::tempdir().unwrap();
    let machine_use = |conn: &Connection| {
        conn.query_row("SELECT value FROM settings WHERE key = 'machine_use'", [], |r| r.get::<_, String>(0))
            .optional()
            .unwrap()
    };
    use rusqlite::OptionalExtension;

    // Seeded data (a learner and an instructor, no admin): a personal machine.
    let mut used = build_at(&dir.path().join("used.db"), 15);
    migrate(&mut used, 16).unwrap();
    assert_eq!(machine_use(&used).as_deref(), Some("personal"));

    // With an admin: a shared machine.
    let mut shared = build_at(&dir.path().join("shared.db"), 15);
    shared.execute_batch("UPDATE profiles SET role = 'admin' WHERE id = 'p2'").unwrap();
    migrate(&mut shared, 16).unwrap();
    assert_eq!(machine_use(&shared).as_deref(), Some("shared"));

    // A new database has no profile yet: the first run asks.
    let mut fresh = Connection::open(dir.path().join("fresh.db")).unwrap();
    migrate(&mut fresh, SCHEMA_VERSION).unwrap();
    assert_eq!(machine_use(&fresh), None);
}
