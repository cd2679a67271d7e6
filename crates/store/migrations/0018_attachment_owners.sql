-- Who uploaded each attachment (issue 26): a draft may reference only the
-- learner's own uploads, so knowing a classmate's file hash is not enough
-- to attach (and then read) their file. Filled from the drafts and the
-- submissions that already reference a blob.
CREATE TABLE attachment_owners (
    sha256     TEXT NOT NULL REFERENCES attachment_blobs(sha256) ON DELETE CASCADE,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    PRIMARY KEY (sha256, profile_id)
) STRICT;

INSERT OR IGNORE INTO attachment_owners (sha256, profile_id)
SELECT json_extract(a.value, '$.sha256'), d.profile_id
  FROM task_drafts d, json_each(d.attachments) a
 WHERE json_extract(a.value, '$.sha256') IN (SELECT sha256 FROM attachment_blobs)
UNION
SELECT json_extract(a.value, '$.sha256'), v.profile_id
  FROM submission_versions v, json_each(v.attachments) a
 WHERE json_extract(a.value, '$.sha256') IN (SELECT sha256 FROM attachment_blobs);
