INSERT INTO courses (id, version, title, language, description, organisation, primary_colour,
                     logo_path, source_dir, installed_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT (id) DO UPDATE SET
    version = excluded.version,
    title = excluded.title,
    language = excluded.language,
    description = excluded.description,
    organisation = excluded.organisation,
    primary_colour = excluded.primary_colour,
    logo_path = excluded.logo_path,
    source_dir = excluded.source_dir,
    updated_at = excluded.updated_at
