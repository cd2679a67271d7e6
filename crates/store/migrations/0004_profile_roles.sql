-- Roles and PINs for shared machines: instructors and admins unlock their
-- profile with a PIN (argon2 PHC string); learners need none.

ALTER TABLE profiles ADD COLUMN role TEXT NOT NULL DEFAULT 'learner'
    CHECK (role IN ('learner', 'instructor', 'admin'));
ALTER TABLE profiles ADD COLUMN pin_hash TEXT;
ALTER TABLE profiles ADD COLUMN avatar_colour TEXT NOT NULL DEFAULT '#2f6f5e';
