SELECT id, version, title, language, description, organisation, primary_colour, logo_path, source_dir,
       installed_at, updated_at
FROM courses
