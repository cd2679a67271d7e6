-- Records a class member known from their records, unless a profile with that id exists.
INSERT INTO profiles (id, display_name, role, avatar_colour, created_at, last_used_at, origin)
VALUES (?1, ?2, 'learner', ?3, ?4, ?4, 'member') ON CONFLICT (id) DO NOTHING
