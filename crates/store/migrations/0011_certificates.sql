-- Course certificates issued to learners. The verification code is a keyed
-- hash of (profile, course, version, date) — see qunxue-app's certificates
-- module — and this table is what `qunxue certificate verify` looks it up in.
-- Names and titles are kept as printed, so a later rename or course update
-- does not change what an issued certificate says.

CREATE TABLE certificates (
    code           TEXT PRIMARY KEY,          -- QX-XXXX-XXXX-XXXX-XXXX
    profile_id     TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id      TEXT NOT NULL,
    course_version TEXT NOT NULL,
    course_title   TEXT NOT NULL,
    learner_name   TEXT NOT NULL,
    issued_on      TEXT NOT NULL,             -- YYYY-MM-DD, the date printed
    issued_at      TEXT NOT NULL,             -- RFC 3339, when first issued
    UNIQUE (profile_id, course_id, course_version, issued_on)
) STRICT;

CREATE INDEX certificates_by_profile ON certificates(profile_id, course_id);
