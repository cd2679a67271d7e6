-- xAPI learning records waiting to reach the company's Learning Record Store,
-- written in the same transaction as the event they describe, and the
-- connection settings and sync status.

CREATE TABLE xapi_outbox (
    -- The statement's own UUID; the LRS de-duplicates on it.
    id          TEXT PRIMARY KEY,
    statement   TEXT NOT NULL,            -- the statement as JSON
    verb        TEXT NOT NULL,            -- verb IRI, for counts and filters
    created_at  TEXT NOT NULL,
    -- Set once the LRS has accepted the statement; never sent again after.
    sent_at     TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
) STRICT;

-- Pending statements in the order they happened.
CREATE INDEX xapi_outbox_pending ON xapi_outbox(created_at, id) WHERE sent_at IS NULL;

-- One registration (a UUID) per learner and course: the xAPI context that
-- ties a learner's statements about one course together.
CREATE TABLE xapi_registrations (
    profile_id   TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id    TEXT NOT NULL,
    registration TEXT NOT NULL UNIQUE,
    PRIMARY KEY (profile_id, course_id)
) STRICT;

-- The one row of connection settings and sync status. The password is
-- stored here (the machine's own database file, in the OS app-data folder)
-- and never sent back to the UI, which only learns whether one is set.
CREATE TABLE xapi_config (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    endpoint        TEXT NOT NULL DEFAULT '',
    username        TEXT NOT NULL DEFAULT '',
    password        TEXT NOT NULL DEFAULT '',
    iri_base        TEXT NOT NULL DEFAULT 'https://qunxue.example.org/xapi',
    last_success_at TEXT,
    last_error      TEXT,
    last_error_at   TEXT
) STRICT;

INSERT INTO xapi_config (id) VALUES (1);
