//! The LRS's statements resource over HTTP (`ureq`, blocking): POSTing
//! batches (the sync) and GETting pages (the pull), with the
//! `X-Experience-API-Version` header and basic auth.

use std::cell::RefCell;
use std::time::Duration;

use base64::Engine;
use qunxue_core::xapi::XAPI_VERSION;

use super::sync::{Credentials, SyncError};

pub(crate) struct Lrs {
    agent: ureq::Agent,
    endpoint: String,
    url: String,
    authorization: String,
    last_body: RefCell<String>,
}

impl Lrs {
    pub(crate) fn new(endpoint: &str, credentials: &Credentials, timeout: Duration) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            // Statuses are decided here (409 is not a failure for us).
            .http_status_as_error(false)
            .build()
            .into();
        let token = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", credentials.username, credentials.password));
        Self {
            agent,
            endpoint: endpoint.to_string(),
            url: format!("{endpoint}/statements"),
            authorization: format!("Basic {token}"),
            last_body: RefCell::new(String::new()),
        }
    }

    /// POSTs a JSON array of statements; `Ok(status)` for any HTTP answer.
    /// For a single statement, 409 (the LRS holds that id) is success.
    pub(crate) fn post(&self, body: &str) -> Result<u16, SyncError> {
        let response = self
            .agent
            .post(&self.url)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Content-Type", "application/json")
            .header("Authorization", &self.authorization)
            .send(body)
            .map_err(|e| SyncError::Unreachable { url: self.url.clone(), reason: e.to_string() })?;
        let status = response.status().as_u16();
        let text = response.into_body().read_to_string().unwrap_or_default();
        *self.last_body.borrow_mut() = text.chars().take(500).collect();
        Ok(status)
    }

    pub(crate) fn refused(&self, status: u16) -> SyncError {
        SyncError::Refused { url: self.url.clone(), status, body: self.last_body.borrow().clone() }
    }

    /// A `more` link as the LRS gave it (absolute, or a path on the LRS's
    /// host, as the spec allows) made absolute.
    pub(crate) fn absolute(&self, more: &str) -> String {
        if more.starts_with("http://") || more.starts_with("https://") {
            return more.to_string();
        }
        let origin_end = self.endpoint.find("://").map_or(0, |i| i + 3);
        let host_end = self.endpoint[origin_end..].find('/').map_or(self.endpoint.len(), |i| origin_end + i);
        format!("{}{more}", &self.endpoint[..host_end])
    }

    /// Reads statements page by page: from `resume` (a `more` link kept by
    /// an earlier run) or the statements resource with `query`, following
    /// `more`. `on_page` sees each page's statements and the absolute link
    /// to the next page (`None` on the last), before that page is fetched.
    pub(crate) fn each_page(
        &self,
        query: &[(&str, &str)],
        resume: Option<String>,
        mut on_page: impl FnMut(Vec<serde_json::Value>, Option<&str>) -> Result<(), SyncError>,
    ) -> Result<(), SyncError> {
        let mut next = resume;
        loop {
            let page = match &next {
                Some(url) => self.get(url, &[])?,
                None => self.get(&self.url, query)?,
            };
            let more = page["more"].as_str().filter(|m| !m.is_empty()).map(|m| self.absolute(m));
            let statements = match page {
                serde_json::Value::Object(mut fields) => match fields.remove("statements") {
                    Some(serde_json::Value::Array(list)) => list,
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            on_page(statements, more.as_deref())?;
            match more {
                Some(url) => next = Some(url),
                None => return Ok(()),
            }
        }
    }

    /// GETs one page of statements as JSON (`query` is encoded by `ureq`).
    pub(crate) fn get(&self, url: &str, query: &[(&str, &str)]) -> Result<serde_json::Value, SyncError> {
        let response = self
            .agent
            .get(url)
            .query_pairs(query.iter().copied())
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Authorization", &self.authorization)
            .call()
            .map_err(|e| SyncError::Unreachable { url: url.to_string(), reason: e.to_string() })?;
        let status = response.status().as_u16();
        let text = response
            .into_body()
            .read_to_string()
            .map_err(|e| SyncError::Unreachable { url: url.to_string(), reason: e.to_string() })?;
        if !(200..300).contains(&status) {
            return Err(SyncError::Refused { url: url.to_string(), status, body: text.chars().take(500).collect() });
        }
        serde_json::from_str(&text).map_err(|e| SyncError::Refused {
            url: url.to_string(),
            status,
            body: format!("not a statements page: {e}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_links_are_made_absolute_on_the_lrs_host() {
        let credentials = Credentials { endpoint: String::new(), username: "u".into(), password: "p".into() };
        let lrs = Lrs::new("https://lrs.example.com:8443/xAPI", &credentials, Duration::from_secs(1));
        assert_eq!(lrs.absolute("/xAPI/statements?pit_id=1"), "https://lrs.example.com:8443/xAPI/statements?pit_id=1");
        assert_eq!(lrs.absolute("https://other/x"), "https://other/x");
    }
}
