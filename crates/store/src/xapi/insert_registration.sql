-- Stores the learner's registration for a course.
INSERT INTO xapi_registrations (profile_id, course_id, registration) VALUES (?1, ?2, ?3)
