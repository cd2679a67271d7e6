//! What installing a course version means given what is installed.

use semver::Version;
use serde::Serialize;

/// What an import did (or would do) to one course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstallOutcome {
    /// The course was not installed.
    Installed,
    /// A newer version replaced the installed one.
    Updated,
    /// The same version is installed: nothing to do.
    Unchanged,
    /// An older version replaced a newer one, because it was forced.
    Downgraded,
}

/// The decision before `force` is considered: an older version is its own
/// case because the import refuses it while the bundled curriculum skips it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    Write(InstallOutcome),
    Unchanged,
    Older,
}

/// Compares the offered version with the installed one (if any). A stored
/// version that no longer parses counts as older, so it can be replaced.
pub(crate) fn plan(installed: Option<&str>, offered: &Version) -> Plan {
    let Some(installed) = installed else { return Plan::Write(InstallOutcome::Installed) };
    match Version::parse(installed) {
        Ok(v) if v == *offered => Plan::Unchanged,
        Ok(v) if v > *offered => Plan::Older,
        _ => Plan::Write(InstallOutcome::Updated),
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case(None, "1.0.0", Plan::Write(InstallOutcome::Installed))]
    #[case(Some("1.0.0"), "1.1.0", Plan::Write(InstallOutcome::Updated))]
    #[case(Some("1.0.0"), "1.0.0", Plan::Unchanged)]
    #[case(Some("1.1.0"), "1.0.0", Plan::Older)]
    #[case(Some("1.0.0"), "1.0.0-rc.1", Plan::Older)]
    #[case(Some("garbage"), "1.0.0", Plan::Write(InstallOutcome::Updated))]
    fn plans_by_semver(#[case] installed: Option<&str>, #[case] offered: &str, #[case] expected: Plan) {
        assert_eq!(plan(installed, &Version::parse(offered).unwrap()), expected);
    }
}
