//! The LRS a command talks to when it is not the one saved in the database:
//! `--endpoint URL --user U --password-stdin`. The password comes from the
//! first line of standard input, never from the command line, where other
//! users of the machine could read it.

use anyhow::Context;
use qunxue_app::xapi::Credentials;

#[derive(Debug, clap::Args)]
pub(super) struct LrsArgs {
    /// The LRS's xAPI root URL (statements are at `{URL}/statements`).
    #[arg(long, value_name = "URL", requires_all = ["user", "password_stdin"])]
    endpoint: Option<String>,
    /// The LRS account (basic auth).
    #[arg(long, value_name = "U", requires = "endpoint")]
    user: Option<String>,
    /// Read the LRS password from the first line of standard input.
    #[arg(long, requires = "endpoint")]
    password_stdin: bool,
}

impl LrsArgs {
    /// The given LRS, or `None` to use the one saved in the database.
    pub(super) fn credentials(self) -> anyhow::Result<Option<Credentials>> {
        match (self.endpoint, self.user) {
            (Some(endpoint), Some(username)) if self.password_stdin => {
                let mut line = String::new();
                std::io::stdin().read_line(&mut line).context("reading the LRS password from standard input")?;
                Ok(Some(Credentials { endpoint, username, password: line.trim_end_matches(['\r', '\n']).to_string() }))
            }
            _ => Ok(None),
        }
    }
}
