-- When the learner's next card after ?2 falls due.
SELECT min(due_at) FROM review_cards WHERE profile_id = ?1 AND due_at > ?2
