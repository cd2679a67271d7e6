-- Records when a course's rules and laws were last checked.
INSERT INTO course_reviews (course_id, reviewed_on) VALUES (?1, ?2)
