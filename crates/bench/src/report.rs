//! The benchmark report: every budget of DESIGN.md §6 with its checks (a
//! measured value against a limit), the raw figures behind them (each
//! measurement beside its same-run baseline) and a note; printed as a table
//! and written as `target/bench/report.json`.
//!
//! [`validate`] is the schema: the runner checks its own output with it
//! before writing, and the unit tests pin it, so the JSON that scripts and
//! docs/performance.md rely on cannot drift silently.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

/// Bump when a key is renamed or removed (adding keys is compatible).
pub const SCHEMA_VERSION: u64 = 1;

/// One run's report, written as `report.json` and checked against the schema by `validate` first.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The [`SCHEMA_VERSION`] of the code that wrote the report.
    pub schema_version: u64,
    /// RFC 3339, UTC.
    pub generated_at: String,
    /// The machine the run measured on.
    pub machine: Machine,
    /// Every budget of this run, failed measurements included.
    pub budgets: Vec<Budget>,
}

/// The machine a run measured on, read from /proc by `machine::describe`.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    /// CPU model name from /proc/cpuinfo, or `unknown`.
    pub cpu: String,
    /// Cores available to the process (its available parallelism).
    pub cores: usize,
    /// Total memory in GiB, rounded to one decimal.
    pub memory_gib: f64,
    /// Distribution name and Linux kernel release.
    pub os: String,
    /// Load average when the run started: others' work skews every figure.
    pub load_average: String,
}

/// One line of §6.
#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    /// `P1` … `P6`.
    pub id: String,
    /// What the budget measures, in words, with this run's sizes.
    pub what: String,
    /// The comparisons against the budget's limits.
    pub checks: Vec<Check>,
    /// Raw measurements, e.g. `import_s` and `baseline_render_s`.
    pub figures: BTreeMap<String, f64>,
    /// How it was measured, and by how much and why a missed check missed.
    pub note: String,
}

/// How a check's value must compare with its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Met when the value is at most the limit (times, sizes, ratios of ours ÷ a floor or peer).
    AtMost,
    /// Met when the value is at least the limit (throughput ratios, speed-ups, recall differences).
    AtLeast,
}

/// One comparison against a budget.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// What is compared, e.g. `search p95 ÷ tantivy p95`.
    pub name: String,
    /// `None` (JSON null) when it could not be measured in this run.
    pub value: Option<f64>,
    /// The budget's limit, in `unit`.
    pub limit: f64,
    /// Whether `value` must stay at most or at least `limit`.
    pub rule: Rule,
    /// Unit of `value` and `limit`: `×` for ratios, `s`, `ms`, `MB`, `rel`, or empty.
    pub unit: String,
    /// `None` when not measured.
    pub met: Option<bool>,
}

impl Check {
    /// A check of `value` against `limit`; a value that is not finite counts as not measured. `met` follows.
    pub fn new(name: &str, value: Option<f64>, rule: Rule, limit: f64, unit: &str) -> Self {
        // A ratio over a zero (an app whose memory read as nothing) is not a
        // measurement; JSON has no NaN or infinity either.
        let value = value.filter(|v| v.is_finite());
        let met = value.map(|v| match rule {
            Rule::AtMost => v <= limit,
            Rule::AtLeast => v >= limit,
        });
        Self { name: name.into(), value, limit, rule, unit: unit.into(), met }
    }
}

impl Budget {
    /// A budget `id` (`P1` …) described by `what`, with no checks, figures or note yet.
    pub fn new(id: &str, what: &str) -> Self {
        Self { id: id.into(), what: what.into(), checks: Vec::new(), figures: BTreeMap::new(), note: String::new() }
    }

    /// Adds a comparison against one of the budget's limits.
    pub fn check(mut self, check: Check) -> Self {
        self.checks.push(check);
        self
    }

    /// Records a raw measurement; a value that is not finite is left out.
    pub fn figure(mut self, name: &str, value: f64) -> Self {
        if value.is_finite() {
            self.figures.insert(name.into(), value);
        }
        self
    }

    /// The budget of a run whose measurement failed: nothing measured, the
    /// error in the note (the other budgets are still reported).
    pub fn failed(id: &str, error: &anyhow::Error) -> Self {
        Self::new(id, "measurement failed")
            .check(Check::new("measured", None, Rule::AtLeast, 1.0, ""))
            .note(format!("failed: {error:#}"))
    }

    /// Sets the note: how the budget was measured, and why a missed check missed.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }
}

/// The report as a fixed-width text table (one row per check).
pub fn table(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:<4} {:<34} {:>14} {:>12}  met", "id", "check", "measured", "budget");
    for budget in &report.budgets {
        for check in &budget.checks {
            let value = check.value.map_or_else(|| "n/a".to_string(), |v| format!("{} {}", short(v), check.unit));
            let sign = match check.rule {
                Rule::AtMost => "≤",
                Rule::AtLeast => "≥",
            };
            let met = match check.met {
                Some(true) => "yes",
                Some(false) => "NO",
                None => "not measured",
            };
            let _ = writeln!(
                out,
                "{:<4} {:<34} {:>14} {:>12}  {met}",
                budget.id,
                check.name,
                value,
                format!("{sign} {} {}", short(check.limit), check.unit)
            );
        }
    }
    out
}

/// A figure with three significant digits, without scientific notation.
pub fn short(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude != 0.0 && magnitude < 0.001 {
        format!("{value:.1e}")
    } else if magnitude >= 100.0 || magnitude == 0.0 {
        format!("{value:.0}")
    } else if magnitude >= 10.0 {
        format!("{value:.1}")
    } else if magnitude >= 1.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.3}")
    }
}

/// Checks a report document against the schema; the error names the first
/// offending path.
pub fn validate(doc: &Value) -> Result<(), String> {
    let object = |v: &Value, path: &str| v.as_object().cloned().ok_or_else(|| format!("{path}: expected an object"));
    let root = object(doc, "$")?;
    if root.get("schema_version").and_then(Value::as_u64) != Some(SCHEMA_VERSION) {
        return Err(format!("$.schema_version: expected {SCHEMA_VERSION}"));
    }
    let text = |v: &Value, path: &str| v.as_str().map(|_| ()).ok_or_else(|| format!("{path}: expected a string"));
    let number = |v: &Value, path: &str| v.as_f64().map(|_| ()).ok_or_else(|| format!("{path}: expected a number"));
    text(&doc["generated_at"], "$.generated_at")?;
    let machine = object(&doc["machine"], "$.machine")?;
    for key in ["cpu", "os", "load_average"] {
        text(&machine.get(key).cloned().unwrap_or(Value::Null), &format!("$.machine.{key}"))?;
    }
    for key in ["cores", "memory_gib"] {
        number(&machine.get(key).cloned().unwrap_or(Value::Null), &format!("$.machine.{key}"))?;
    }
    let budgets = doc["budgets"].as_array().ok_or("$.budgets: expected an array")?;
    if budgets.is_empty() {
        return Err("$.budgets: expected at least one budget".into());
    }
    for (i, budget) in budgets.iter().enumerate() {
        let at = format!("$.budgets[{i}]");
        let id = budget["id"].as_str().ok_or(format!("{at}.id: expected a string"))?;
        if !(id.len() == 2 && id.starts_with('P') && id[1..].parse::<u8>().is_ok()) {
            return Err(format!("{at}.id: expected P1 … P9, found {id:?}"));
        }
        text(&budget["what"], &format!("{at}.what"))?;
        text(&budget["note"], &format!("{at}.note"))?;
        for (name, value) in object(&budget["figures"], &format!("{at}.figures"))? {
            number(&value, &format!("{at}.figures.{name}"))?;
        }
        let checks = budget["checks"].as_array().ok_or(format!("{at}.checks: expected an array"))?;
        if checks.is_empty() {
            return Err(format!("{at}.checks: expected at least one check"));
        }
        for (j, check) in checks.iter().enumerate() {
            let at = format!("{at}.checks[{j}]");
            text(&check["name"], &format!("{at}.name"))?;
            text(&check["unit"], &format!("{at}.unit"))?;
            number(&check["limit"], &format!("{at}.limit"))?;
            if !matches!(check["rule"].as_str(), Some("at_most" | "at_least")) {
                return Err(format!("{at}.rule: expected at_most or at_least"));
            }
            match (&check["value"], &check["met"]) {
                (Value::Null, Value::Null) => {}
                (Value::Number(_), Value::Bool(_)) => {}
                _ => return Err(format!("{at}: value and met must both be null or a number and a boolean")),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            generated_at: "2026-12-01T23:00:00Z".into(),
            machine: Machine {
                cpu: "Test CPU".into(),
                cores: 2,
                memory_gib: 23.4,
                os: "Linux".into(),
                load_average: "1.0 1.0 1.0".into(),
            },
            budgets: vec![
                Budget::new("P1", "import")
                    .check(Check::new("import ÷ raw render", Some(2.5), Rule::AtMost, 3.0, "×"))
                    .figure("import_s", 2.5)
                    .figure("baseline_render_s", 1.0),
                Budget::new("P6", "desktop")
                    .check(Check::new(".deb size", None, Rule::AtMost, 15.0, "MB"))
                    .note("no bundle"),
            ],
        }
    }

    #[test]
    fn a_report_serialises_to_the_schema() {
        let doc = serde_json::to_value(sample()).unwrap();
        assert_eq!(validate(&doc), Ok(()));
        assert_eq!(doc["budgets"][0]["checks"][0]["met"], Value::Bool(true));
        assert_eq!(doc["budgets"][0]["checks"][0]["rule"], "at_most");
        assert_eq!(doc["budgets"][1]["checks"][0]["met"], Value::Null);
        assert_eq!(doc["budgets"][0]["figures"]["baseline_render_s"], 1.0);
    }

    #[test]
    fn the_schema_rejects_documents_that_drift() {
        let good = serde_json::to_value(sample()).unwrap();
        let broken = |edit: fn(&mut Value)| {
            let mut doc = good.clone();
            edit(&mut doc);
            validate(&doc).unwrap_err()
        };
        assert!(broken(|d| d["schema_version"] = 2.into()).contains("schema_version"));
        assert!(broken(|d| d["budgets"][0]["id"] = "X1".into()).contains("budgets[0].id"));
        assert!(broken(|d| d["budgets"][0]["checks"][0]["met"] = Value::Null).contains("checks[0]"));
        assert!(broken(|d| d["budgets"][0]["checks"][0]["rule"] = "below".into()).contains("rule"));
        assert!(broken(|d| d["budgets"][0]["figures"]["import_s"] = "fast".into()).contains("figures.import_s"));
        assert!(broken(|d| d["machine"]["cores"] = Value::Null).contains("machine.cores"));
        assert!(broken(|d| d["budgets"] = Value::Array(vec![])).contains("at least one"));
    }

    #[test]
    fn checks_decide_met_by_their_rule() {
        assert_eq!(Check::new("a", Some(3.0), Rule::AtMost, 3.0, "×").met, Some(true));
        assert_eq!(Check::new("a", Some(3.1), Rule::AtMost, 3.0, "×").met, Some(false));
        assert_eq!(Check::new("a", Some(0.4), Rule::AtLeast, 0.5, "×").met, Some(false));
        assert_eq!(Check::new("a", None, Rule::AtLeast, 0.5, "×").met, None);
    }

    #[test]
    fn the_table_has_a_row_per_check_and_shows_misses() {
        let mut report = sample();
        report.budgets[0].checks.push(Check::new("p95", Some(12.0), Rule::AtMost, 5.0, "ms"));
        let text = table(&report);
        assert_eq!(text.lines().count(), 1 + 3);
        assert!(text.contains("12.0 ms") && text.contains("NO"), "{text}");
        assert!(text.contains("not measured"), "{text}");
        assert_eq!(short(2.5e-9), "2.5e-9");
        assert_eq!(short(1234.4), "1234");
    }
}
