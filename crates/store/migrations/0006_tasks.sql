-- Practice tasks: learners' drafts and submitted versions, the files attached
-- to them (stored by content hash), markers' marks, released results,
-- moderation settings, the comment bank, and the bookkeeping that makes
-- signed bundles between machines safe to import (pinned keys, replay guard).

-- Content-addressed attachments: the file lives under the app-data folder
-- at attachments/<sha256>; this row records what it is.
CREATE TABLE attachment_blobs (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    stored_at  TEXT NOT NULL
) STRICT;

-- The learner's work in progress, one per learner and task, rewritten on
-- every autosave so a crash loses at most a few seconds of typing.
CREATE TABLE task_drafts (
    profile_id  TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id   TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'task' CHECK (kind = 'task'),
    task_id     TEXT NOT NULL,
    markdown    TEXT NOT NULL,
    attachments TEXT NOT NULL,            -- JSON: [{sha256, name, size, media_type}]
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (profile_id, course_id, task_id),
    FOREIGN KEY (course_id, kind, task_id) REFERENCES course_items(course_id, kind, id) ON DELETE CASCADE
) STRICT;

-- What was handed in (or observed): immutable once written. Ids are UUIDs so
-- a version keeps its identity when it travels to another machine.
CREATE TABLE submission_versions (
    id           TEXT PRIMARY KEY,
    profile_id   TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id    TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'task' CHECK (kind = 'task'),
    task_id      TEXT NOT NULL,
    number       INTEGER NOT NULL,        -- 1, 2, … per learner and task
    -- 'observation': an instructor graded live practice; no written work.
    source       TEXT NOT NULL CHECK (source IN ('submission', 'observation')),
    markdown     TEXT NOT NULL,
    attachments  TEXT NOT NULL,           -- JSON, as in task_drafts
    submitted_at TEXT NOT NULL,
    UNIQUE (profile_id, course_id, task_id, number),
    FOREIGN KEY (course_id, kind, task_id) REFERENCES course_items(course_id, kind, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX submission_versions_by_task ON submission_versions(course_id, task_id, submitted_at);

CREATE TRIGGER submission_versions_immutable BEFORE UPDATE ON submission_versions
BEGIN
    SELECT RAISE(ABORT, 'submitted versions cannot be changed');
END;

-- One marker's judgement of one version. A marker has at most one mark per
-- version; 'complete' marks are ready for release or moderation.
CREATE TABLE marks (
    version_id  TEXT NOT NULL REFERENCES submission_versions(id) ON DELETE CASCADE,
    marker_id   TEXT NOT NULL,            -- profile id, possibly of another machine
    marker_name TEXT NOT NULL,
    levels      TEXT NOT NULL,            -- JSON: {criterion id: level index}
    comments    TEXT NOT NULL,            -- JSON: {criterion id: text}
    feedback    TEXT NOT NULL,
    points      REAL,                     -- NULL until every criterion has a level
    grade       REAL,
    status      TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (version_id, marker_id)
) STRICT;

-- The grade the learner sees. Written by releasing a single mark or by
-- moderating double marks; replaced, never edited in place, by a later release.
CREATE TABLE results (
    version_id  TEXT PRIMARY KEY REFERENCES submission_versions(id) ON DELETE CASCADE,
    levels      TEXT NOT NULL,
    comments    TEXT NOT NULL,
    feedback    TEXT NOT NULL,
    points      REAL NOT NULL,
    grade       REAL NOT NULL,
    grade_max   REAL NOT NULL,
    method      TEXT NOT NULL CHECK (method IN ('single', 'moderated')),
    released_by TEXT NOT NULL,            -- name of the releasing instructor
    released_at TEXT NOT NULL
) STRICT;

-- Tasks an instructor put under double marking: no mark is released alone.
CREATE TABLE double_marked_tasks (
    course_id TEXT NOT NULL,
    task_id   TEXT NOT NULL,
    PRIMARY KEY (course_id, task_id)
) STRICT;

CREATE TABLE comment_bank (
    id           TEXT PRIMARY KEY,
    course_id    TEXT NOT NULL,
    criterion_id TEXT,                    -- NULL = overall feedback
    text         TEXT NOT NULL,
    uses         INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    UNIQUE (course_id, criterion_id, text)
) STRICT;

-- Trust on first use: the first bundle from a signer pins its public key;
-- a later bundle claiming the same signer with another key is refused.
-- signer = 'learner:<profile id>' or 'instructor:<course id>'.
CREATE TABLE pinned_keys (
    signer     TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,             -- hex
    pinned_at  TEXT NOT NULL
) STRICT;

CREATE TABLE imported_bundles (
    bundle_id   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('submissions', 'grades')),
    signer      TEXT NOT NULL,
    course_id   TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;

-- The exporting side's counter, so every bundle it writes is newer than the last.
CREATE TABLE bundle_sequences (
    kind      TEXT NOT NULL,
    signer    TEXT NOT NULL,
    course_id TEXT NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (kind, signer, course_id)
) STRICT;
