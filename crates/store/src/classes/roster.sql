-- ?1 course, ?2 class (NULL = every learner of the course).
WITH people AS (
    SELECT profile_id FROM module_progress WHERE course_id = ?1
    UNION SELECT profile_id FROM attempts WHERE course_id = ?1
    UNION SELECT profile_id FROM submission_versions WHERE course_id = ?1
    UNION SELECT respondent FROM survey_responses WHERE course_id = ?1
    UNION SELECT m.profile_id FROM class_members m JOIN classes c ON c.id = m.class_id WHERE c.course_id = ?1
),
latest_version AS (
    SELECT v.profile_id, v.task_id, MAX(v.number) AS number FROM submission_versions v
     WHERE v.course_id = ?1 GROUP BY v.profile_id, v.task_id
)
SELECT p.id, p.display_name, p.origin,
       (SELECT COUNT(*) FROM module_progress mp JOIN modules m ON m.course_id = mp.course_id AND m.id = mp.module_id
         WHERE mp.profile_id = p.id AND mp.course_id = ?1 AND mp.status = 'completed' AND m.archived = 0
           AND m.audience = 'learner'),
       (SELECT COUNT(*) FROM attempt_answers aa JOIN attempts a ON a.id = aa.attempt_id
         WHERE a.profile_id = p.id AND a.course_id = ?1 AND a.status <> 'in_progress'
           AND aa.correct IS NULL AND aa.manual_score IS NULL)
     + (SELECT COUNT(*) FROM latest_version lv JOIN submission_versions v
          ON v.profile_id = lv.profile_id AND v.course_id = ?1 AND v.task_id = lv.task_id AND v.number = lv.number
         WHERE lv.profile_id = p.id AND NOT EXISTS (SELECT 1 FROM results r WHERE r.version_id = v.id)),
       (SELECT AVG(r.grade * 100.0 / r.grade_max) FROM latest_version lv JOIN submission_versions v
          ON v.profile_id = lv.profile_id AND v.course_id = ?1 AND v.task_id = lv.task_id AND v.number = lv.number
          JOIN results r ON r.version_id = v.id
         WHERE lv.profile_id = p.id AND r.grade_max > 0),
       (SELECT MAX(t) FROM (
            SELECT MAX(last_opened_at) AS t FROM module_progress WHERE profile_id = p.id AND course_id = ?1
            UNION ALL SELECT MAX(COALESCE(submitted_at, started_at)) FROM attempts WHERE profile_id = p.id AND course_id = ?1
            UNION ALL SELECT MAX(submitted_at) FROM submission_versions WHERE profile_id = p.id AND course_id = ?1))
  FROM profiles p JOIN people ON people.profile_id = p.id
 WHERE p.role = 'learner'
   AND (?2 IS NULL OR EXISTS (SELECT 1 FROM class_members cm WHERE cm.profile_id = p.id AND cm.class_id = ?2))
 ORDER BY p.display_name, p.id
