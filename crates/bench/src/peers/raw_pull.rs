//! P7's floor: reading the same statements from the same LRS with nothing
//! but HTTP and JSON — a paged GET of the statements resource with the same
//! page size, following `more` to the end, each page parsed — as the
//! fastest client could. What our pull adds on top is keeping each page and
//! its resume point durably, and rebuilding and merging the learners.

use base64::Engine;
use serde_json::Value;

/// Reads every statement at `endpoint` (the xAPI root) page by page;
/// returns how many there were.
pub fn paged_get(endpoint: &str, username: &str, password: &str, page_size: usize) -> anyhow::Result<usize> {
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let authorization =
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}")));
    let origin = origin(endpoint);
    let mut next = format!("{endpoint}/statements?limit={page_size}");
    let mut read = 0;
    loop {
        let text = agent
            .get(&next)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", &authorization)
            .call()?
            .into_body()
            .read_to_string()?;
        let page: Value = serde_json::from_str(&text)?;
        read += page["statements"].as_array().map_or(0, Vec::len);
        match page["more"].as_str().filter(|more| !more.is_empty()) {
            Some(more) if more.starts_with("http") => next = more.to_string(),
            Some(more) => next = format!("{origin}{more}"),
            None => return Ok(read),
        }
    }
}

/// `http://host:port` of an endpoint URL (a `more` link may be a path).
fn origin(endpoint: &str) -> &str {
    let after_scheme = endpoint.find("://").map_or(0, |i| i + 3);
    endpoint[after_scheme..].find('/').map_or(endpoint, |i| &endpoint[..after_scheme + i])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_origin_is_scheme_host_and_port() {
        assert_eq!(super::origin("http://127.0.0.1:8100/xAPI"), "http://127.0.0.1:8100");
        assert_eq!(super::origin("http://127.0.0.1:8100"), "http://127.0.0.1:8100");
    }
}
