-- Courses installed from packs, their modules, learner profiles and reading progress.

CREATE TABLE courses (
    id             TEXT PRIMARY KEY,
    version        TEXT NOT NULL,
    title          TEXT NOT NULL,
    language       TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    organisation   TEXT,
    primary_colour TEXT,
    logo_path      TEXT,
    -- Folder holding the course's files; assets are served from here only.
    source_dir     TEXT NOT NULL,
    installed_at   TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE modules (
    course_id   TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('theory', 'practice', 'case')),
    title       TEXT NOT NULL,
    minutes     INTEGER NOT NULL,
    objectives  TEXT NOT NULL,            -- JSON array of strings
    source_path TEXT NOT NULL,            -- relative to the course folder
    markdown    TEXT NOT NULL,
    html        TEXT NOT NULL,            -- sanitised at import time
    -- A module dropped by a newer course version is archived, never deleted,
    -- so the progress and grades that point at it survive.
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    PRIMARY KEY (course_id, id)
) STRICT;

CREATE INDEX modules_by_position ON modules(course_id, archived, position);

CREATE TABLE profiles (
    id           TEXT PRIMARY KEY,        -- UUID
    display_name TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT NOT NULL
) STRICT;

CREATE TABLE module_progress (
    profile_id      TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id       TEXT NOT NULL,
    module_id       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
    first_opened_at TEXT NOT NULL,
    last_opened_at  TEXT NOT NULL,
    open_count      INTEGER NOT NULL DEFAULT 1,
    completed_at    TEXT,
    PRIMARY KEY (profile_id, course_id, module_id),
    FOREIGN KEY (course_id, module_id) REFERENCES modules(course_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
