-- Puts a person in a class (nothing happens if they are in it already).
INSERT INTO class_members (class_id, profile_id, joined_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING
