-- The grading queue of a course in one pass: each version with its
-- learner's name and what its queue status is worked out from, without the
-- submitted Markdown (the queue never shows it). ?1 = course, ?2 = the
-- marker whose own mark is reported.
SELECT v.id, v.task_id, v.profile_id, p.display_name, v.number, v.source, v.submitted_at,
       EXISTS (SELECT 1 FROM results r WHERE r.version_id = v.id) AS released,
       (SELECT COUNT(*) FROM marks m WHERE m.version_id = v.id AND m.status = 'complete') AS complete_marks,
       (SELECT m.status FROM marks m WHERE m.version_id = v.id AND m.marker_id = ?2) AS marker_status,
       EXISTS (SELECT 1 FROM double_marked_tasks d WHERE d.course_id = v.course_id AND d.task_id = v.task_id)
           AS double_marked
FROM submission_versions v
JOIN profiles p ON p.id = v.profile_id
WHERE v.course_id = ?1
ORDER BY v.submitted_at, v.id
