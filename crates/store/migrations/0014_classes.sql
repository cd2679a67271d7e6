-- Classes and the records that travel between machines (learner-record
-- bundles now, the LRS later).
--
-- A class is identified by its join code: the code an instructor hands out
-- is the id every machine stores, so a learner who typed it and an
-- instructor who created it name the same class without talking to each
-- other. A profile is 'local' (someone who can pick it here) or a 'member'
-- (a person known here only from their records: never in the profile picker,
-- never switched to).

ALTER TABLE profiles ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'member'));

CREATE TABLE classes (
    id         TEXT PRIMARY KEY,          -- the join code, e.g. 'HD7K2Q3M'
    course_id  TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,             -- '' while only the code is known
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX classes_by_course ON classes(course_id, name);

CREATE TABLE class_members (
    class_id   TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    joined_at  TEXT NOT NULL,
    PRIMARY KEY (class_id, profile_id)
) STRICT;

CREATE INDEX class_members_by_profile ON class_members(profile_id);

-- Where this machine learned a person's records from.
CREATE TABLE member_sources (
    profile_id   TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    source       TEXT NOT NULL CHECK (source IN ('local', 'bundle', 'lrs')),
    last_seen_at TEXT NOT NULL,
    PRIMARY KEY (profile_id, source)
) STRICT;

-- Imported bundles may now also be learner-record bundles.
CREATE TABLE imported_bundles_v2 (
    bundle_id   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('submissions', 'grades', 'records')),
    signer      TEXT NOT NULL,
    course_id   TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    public_key  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO imported_bundles_v2 (bundle_id, kind, signer, course_id, sequence, imported_at, public_key)
    SELECT bundle_id, kind, signer, course_id, sequence, imported_at, public_key FROM imported_bundles;
DROP TABLE imported_bundles;
ALTER TABLE imported_bundles_v2 RENAME TO imported_bundles;

-- Learners that a submissions bundle created here before members existed
-- become members: they never used this machine (no progress, no attempt,
-- no draft, no note of their own here), so they must not be switched to.
UPDATE profiles SET origin = 'member'
 WHERE role = 'learner'
   AND id IN (SELECT substr(signer, length('learner:') + 1) FROM imported_bundles
               WHERE kind = 'submissions' AND signer LIKE 'learner:%')
   AND id NOT IN (SELECT profile_id FROM module_progress)
   AND id NOT IN (SELECT profile_id FROM attempts)
   AND id NOT IN (SELECT profile_id FROM task_drafts)
   AND id NOT IN (SELECT profile_id FROM notes);

INSERT INTO member_sources (profile_id, source, last_seen_at)
    SELECT id, 'bundle', last_used_at FROM profiles WHERE origin = 'member';
