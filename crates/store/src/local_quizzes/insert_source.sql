-- Records where a local quiz came from: file, format, who imported it and when.
INSERT INTO local_quiz_sources (course_id, quiz_id, file_name, format, imported_by, imported_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
