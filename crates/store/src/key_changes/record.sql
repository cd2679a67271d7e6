-- Records a changed answer key (a re-import of the same update records nothing new).
INSERT OR IGNORE INTO question_key_changes
  (course_id, question_id, to_version, from_version, changed_at, old_body)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
