//! URLs under which a course's own files (images, media, PDFs) are loaded by
//! the webview, through the shell's scoped `qxasset` protocol.

use qunxue_core::markdown::ASSET_SCHEME;

/// The base URL for assets referenced from a module at `module_path`
/// (relative to the course folder). Windows' webview only accepts custom
/// protocols in the `http://<scheme>.localhost/` form.
pub fn module_asset_base(course_id: &str, module_path: &str) -> String {
    let dir = module_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let root = if cfg!(windows) {
        format!("http://{ASSET_SCHEME}.localhost/")
    } else {
        format!("{ASSET_SCHEME}://localhost/")
    };
    if dir.is_empty() {
        format!("{root}{course_id}/")
    } else {
        format!("{root}{course_id}/{dir}/")
    }
}

/// Splits a request path `/<course>/<path…>` into course id and relative
/// path, refusing anything that could climb out of the course folder.
pub fn parse_asset_request(path: &str) -> Option<(&str, String)> {
    let path = path.trim_start_matches('/');
    let (course, rest) = path.split_once('/')?;
    let mut parts: Vec<&str> = Vec::new();
    for segment in rest.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s if s.contains('\\') || s.contains(':') => return None,
            s => parts.push(s),
        }
    }
    if course.is_empty() || parts.is_empty() {
        return None;
    }
    Some((course, parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_points_at_the_module_folder() {
        let base = module_asset_base("c1", "modules/01.md");
        assert!(base.ends_with("c1/modules/"), "{base}");
    }

    #[test]
    fn requests_resolve_inside_the_course_only() {
        assert_eq!(parse_asset_request("/c1/modules/../assets/a.png"), Some(("c1", "assets/a.png".to_string())));
        assert_eq!(parse_asset_request("/c1/../../etc/passwd"), None);
        assert_eq!(parse_asset_request("/c1/C:/x"), None);
        assert_eq!(parse_asset_request("/c1/"), None);
    }
}
