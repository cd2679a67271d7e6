-- Every (profile, task, best released grade in percent) of course ?1.
SELECT v.profile_id, v.task_id, max(100.0 * r.grade / r.grade_max) FROM results r
  JOIN submission_versions v ON v.id = r.version_id
 WHERE v.course_id = ?1 AND r.grade_max > 0
 GROUP BY v.profile_id, v.task_id
