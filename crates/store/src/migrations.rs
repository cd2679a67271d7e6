//! Numbered, append-only schema migrations (`migrations/NNNN_name.sql`),
//! tracked with SQLite's `user_version`.

use rusqlite::Connection;

/// Every migration in order; the schema version is its 1-based position.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_initial", include_str!("../migrations/0001_initial.sql")),
    ("0002_pack_content", include_str!("../migrations/0002_pack_content.sql")),
    ("0003_quiz_attempts", include_str!("../migrations/0003_quiz_attempts.sql")),
    ("0004_profile_roles", include_str!("../migrations/0004_profile_roles.sql")),
    ("0005_learner_records", include_str!("../migrations/0005_learner_records.sql")),
    ("0006_tasks", include_str!("../migrations/0006_tasks.sql")),
    ("0007_impact", include_str!("../migrations/0007_impact.sql")),
    ("0008_manual_marking", include_str!("../migrations/0008_manual_marking.sql")),
    ("0009_local_questions", include_str!("../migrations/0009_local_questions.sql")),
    ("0010_trusted_keys", include_str!("../migrations/0010_trusted_keys.sql")),
    ("0011_certificates", include_str!("../migrations/0011_certificates.sql")),
    ("0012_xapi_outbox", include_str!("../migrations/0012_xapi_outbox.sql")),
    ("0013_search_scope", include_str!("../migrations/0013_search_scope.sql")),
    ("0014_classes", include_str!("../migrations/0014_classes.sql")),
    ("0015_accounts", include_str!("../migrations/0015_accounts.sql")),
    ("0016_machine_setup", include_str!("../migrations/0016_machine_setup.sql")),
    ("0017_lrs_pull", include_str!("../migrations/0017_lrs_pull.sql")),
    ("0018_attachment_owners", include_str!("../migrations/0018_attachment_owners.sql")),
    ("0019_course_instructor_keys", include_str!("../migrations/0019_course_instructor_keys.sql")),
    ("0020_course_completion", include_str!("../migrations/0020_course_completion.sql")),
    ("0021_course_reviews", include_str!("../migrations/0021_course_reviews.sql")),
    ("0022_instructor_content_and_glossary", include_str!("../migrations/0022_instructor_content_and_glossary.sql")),
    ("0023_question_key_changes", include_str!("../migrations/0023_question_key_changes.sql")),
    ("0024_one_time_format", include_str!("../migrations/0024_one_time_format.sql")),
];

/// The schema version this build writes: the number of migrations it knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version stored in the database file.
pub(crate) fn current_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings a database up to `version` only (not past it): for tests that
/// need a file with an older schema, as an older build would have left it.
pub fn migrate_to(conn: &mut Connection, version: i64) -> crate::Result<()> {
    if !(1..=SCHEMA_VERSION).contains(&version) {
        return Err(crate::StoreError::Corrupt(format!(
            "no schema version {version}; this build knows 1..={SCHEMA_VERSION}"
        )));
    }
    Ok(migrate(conn, version)?)
}

/// Applies the migrations the database has not seen, each in its own
/// transaction together with the version bump, so a crash never leaves a
/// half-migrated schema.
pub(crate) fn migrate(conn: &mut Connection, up_to: i64) -> rusqlite::Result<()> {
    let from = current_version(conn)?;
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version <= from || version > up_to {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "migration_tests.rs"]
mod tests;
