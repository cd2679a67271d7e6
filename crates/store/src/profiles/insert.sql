-- Stores a new local profile (without a PIN).
INSERT INTO profiles (id, display_name, role, avatar_colour, created_at, last_used_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
