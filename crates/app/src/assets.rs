//! URLs under which a course's own files (images, media, PDFs) are loaded by
//! the webview, through the shell's scoped `qxasset` protocol.

use qunxue_core::markdown::ASSET_SCHEME;

/// The base URL for assets referenced from a module at `module_path`
/// (relative to the course folder). Windows' webview only accepts custom
/// protocols in the `http://<scheme>.localhost/` form.
pub fn module_asset_base(course_id: &str, module_path: &str) -> String {
    match module_path.rsplit_once('/') {
        Some((dir, _)) => asset_url(course_id, &format!("{dir}/")),
        None => asset_url(course_id, ""),
    }
}

/// The URL of the file at `relative_path` inside a course folder (a logo,
/// say), through the same protocol.
pub fn asset_url(course_id: &str, relative_path: &str) -> String {
    let root = if cfg!(windows) {
        format!("http://{ASSET_SCHEME}.localhost/")
    } else {
        format!("{ASSET_SCHEME}://localhost/")
    };
    format!("{root}{course_id}/{relative_path}")
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
        assert!(module_asset_base("c1", "top.md").ends_with("/c1/"));
        assert!(asset_url("c1", "assets/logo.svg").ends_with("localhost/c1/assets/logo.svg"));
    }

    #[test]
    fn requests_resolve_inside_the_course_only() {
        assert_eq!(parse_asset_request("/c1/modules/../assets/a.png"), Some(("c1", "assets/a.png".to_string())));
        assert_eq!(parse_asset_request("/c1/../../etc/passwd"), None);
        assert_eq!(parse_asset_request("/c1/C:/x"), None);
        assert_eq!(parse_asset_request("/c1/"), None);
    }
}
