-- The learner's registration for a course.
SELECT registration FROM xapi_registrations WHERE profile_id = ?1 AND course_id = ?2
