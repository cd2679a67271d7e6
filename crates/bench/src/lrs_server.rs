//! Ralph, the open-source Learning Record Store the xAPI tests use, started
//! on loopback for P7 with the bench's in-memory statements backend
//! (`crates/bench/ralph_memory_server.py`: Ralph's own API, validation,
//! auth and paging; only the storage is a list, because the filesystem
//! backend re-reads its whole file for every page). Stopped on drop.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The LRS account the bench creates in Ralph and reads with (HTTP basic auth).
pub const USERNAME: &str = "bench";
/// That account's password (the server only listens on loopback).
pub const PASSWORD: &str = "bench-lrs-password";
/// Statements per page: our pull's default, which Ralph must be allowed to serve.
pub const PAGE_SIZE: usize = 500;

/// Ralph serving on a free loopback port, with the bench's account; the process is killed on drop.
pub struct RalphServer {
    child: Child,
    /// The xAPI base URL, `http://127.0.0.1:<port>/xAPI`, to which `/statements` is appended.
    pub endpoint: String,
}

impl RalphServer {
    /// Creates the account and starts the server; waits until it answers.
    pub fn start(python: &Path, repo: &Path, dir: &Path) -> anyhow::Result<Self> {
        let cwd = dir.join("cwd");
        std::fs::create_dir_all(&cwd)?;
        let env = |command: &mut Command| {
            command
                .env("RALPH_RUNSERVER_BACKEND", "fs")
                .env("RALPH_AUTH_FILE", dir.join("auth.json"))
                .env("RALPH_APP_DIR", dir.join("app"))
                .env("RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT", PAGE_SIZE.to_string())
                .current_dir(&cwd);
        };
        let ralph = python.with_file_name("ralph");
        let mut auth = Command::new(&ralph);
        auth.args(["auth", "-u", USERNAME, "-p", PASSWORD, "-M", "mailto:bench@example.org", "-s", "all", "-w"]);
        env(&mut auth);
        let out = auth.output().map_err(|e| anyhow::anyhow!("cannot run {}: {e}", ralph.display()))?;
        anyhow::ensure!(out.status.success(), "ralph auth failed: {}", String::from_utf8_lossy(&out.stderr));

        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let log = std::fs::File::create(dir.join("ralph.log"))?;
        let mut serve = Command::new(python);
        serve
            .arg(repo.join("crates/bench/ralph_memory_server.py"))
            .args(["127.0.0.1", &port.to_string()])
            .arg(dir.join("data"))
            .stdout(Stdio::null())
            .stderr(log);
        env(&mut serve);
        let server = Self { child: serve.spawn()?, endpoint: format!("http://127.0.0.1:{port}/xAPI") };
        server.wait_until_ready(dir)?;
        Ok(server)
    }

    fn wait_until_ready(&self, dir: &Path) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(90);
        let url = format!("{}/statements?limit=1", self.endpoint);
        while Instant::now() < deadline {
            let answered = ureq::get(&url)
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", &authorization())
                .call()
                .is_ok();
            if answered {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        anyhow::bail!("Ralph did not answer within 90 s; see {}", log_path(dir).display())
    }

    /// POSTs `statements` (JSON values) in batches of `batch`.
    pub fn load(&self, statements: &[serde_json::Value], batch: usize) -> anyhow::Result<()> {
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        for chunk in statements.chunks(batch) {
            let mut response = agent
                .post(&format!("{}/statements", self.endpoint))
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", &authorization())
                .header("Content-Type", "application/json")
                .send(serde_json::to_string(chunk)?)?;
            let status = response.status().as_u16();
            anyhow::ensure!(
                status == 200,
                "Ralph refused a batch of statements ({status}): {}",
                response.body_mut().read_to_string().unwrap_or_default().chars().take(500).collect::<String>()
            );
        }
        Ok(())
    }
}

fn authorization() -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{USERNAME}:{PASSWORD}")))
}

fn log_path(dir: &Path) -> PathBuf {
    dir.join("ralph.log")
}

impl Drop for RalphServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
