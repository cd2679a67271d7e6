//! Names a new pack gets from a file or folder name: the course folder's
//! slug and the course id.

/// The course folder's name: the file name's letters and digits, or
/// `course` for a name with none (a Chinese file name).
pub(crate) fn slug_of(stem: &str) -> String {
    let mut slug = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    if slug.is_empty() {
        "course".into()
    } else {
        slug
    }
}

/// `local.<slug>-<6 random hex digits>`: the slug says what it is, the
/// random part keeps two companies' `培训课件.pptx` from updating each
/// other's course. Made once; the conversion record and the pack keep it.
pub(crate) fn course_id_of(stem: &str) -> String {
    let mut random = [0u8; 3];
    getrandom::fill(&mut random).expect("the operating system's random source");
    format!("local.{}-{:02x}{:02x}{:02x}", slug_of(stem), random[0], random[1], random[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_ids_are_valid_for_any_file_name() {
        assert_eq!(slug_of("Sales Training v2"), "sales-training-v2");
        assert_eq!(slug_of("社群运营培训"), "course");
        for stem in ["社群运营培训", "Sales Training v2", "---"] {
            assert!(qunxue_core::pack::is_valid_id(&course_id_of(stem)), "{stem}");
        }
        assert_ne!(course_id_of("培训一"), course_id_of("培训二"));
    }
}
