-- Profile ?1's best released grade of task ?3 in course ?2, as a percentage of its maximum.
SELECT max(100.0 * r.grade / r.grade_max) FROM results r
  JOIN submission_versions v ON v.id = r.version_id
 WHERE v.profile_id = ?1 AND v.course_id = ?2 AND v.task_id = ?3 AND r.grade_max > 0
