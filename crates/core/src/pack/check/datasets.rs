//! Business data sets, `quizzes/<slug>/data/*.csv`: long format
//! `learner,group,metric,period,value`, every bad row reported with its line.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::pack::ids::Ids;
use crate::pack::parsed::ParsedCourse;

use super::index::Index;

/// The only header accepted, in this order.
pub(crate) const HEADER: [&str; 5] = ["learner", "group", "metric", "period", "value"];

pub(crate) fn check(course: &ParsedCourse<'_>, index: &Index<'_>, out: &mut Vec<Diagnostic>) {
    for (path, text) in &course.datasets {
        check_file(path, text, &index.metrics, out);
    }
}

fn check_file(path: &str, text: &str, metrics: &Ids<'_>, out: &mut Vec<Diagnostic>) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut records = reader.records();
    match records.next() {
        Some(Ok(header)) if header.iter().eq(HEADER) => {}
        Some(Err(e)) => return out.push(csv_error(path, text, &e)),
        _ => {
            let header = HEADER.join(",");
            return out.push(Diagnostic::error(
                path,
                1,
                1,
                msg!("the first line must be exactly `{header}`", "第一行（表头）必须正好是 `{header}`"),
            ));
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut rows = Rows::default();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                out.push(csv_error(path, text, &e));
                continue;
            }
        };
        let line = record_line(text, record.position());
        let source_line = lines.get(line - 1).copied().unwrap_or_default();
        let error =
            |field: usize, message: Message| Diagnostic::error(path, line, field_column(source_line, field), message);
        let [learner, group, metric, period, value] = [0, 1, 2, 3, 4].map(|i| record.get(i).unwrap_or_default());
        if learner.is_empty() {
            out.push(error(0, msg!("learner must not be empty", "学员（learner）不能为空")));
        }
        if !matches!(group, "treatment" | "control") {
            out.push(error(
                1,
                msg!(
                    "group must be treatment or control, not `{group}`",
                    "分组应为 treatment（训练组）或 control（对照组），而不是 `{group}`"
                ),
            ));
        }
        if !metrics.may_contain(metric) {
            out.push(error(
                2,
                msg!(
                    "unknown metric `{metric}`: metrics.toml has no such id",
                    "未知的指标 `{metric}`：metrics.toml 中没有这个 id"
                ),
            ));
        }
        if !matches!(period, "before" | "after") {
            out.push(error(
                3,
                msg!(
                    "period must be before or after, not `{period}`",
                    "时段应为 before（培训前）或 after（培训后），而不是 `{period}`"
                ),
            ));
        }
        if !value.parse::<f64>().is_ok_and(f64::is_finite) {
            out.push(error(4, msg!("value `{value}` is not a number", "值 `{value}` 不是数字")));
        }
        if let Some(message) = rows.record(learner, group, metric, period, line) {
            out.push(error(0, message));
        }
    }
}

/// What earlier rows said, to catch repeated rows and learners in both groups.
#[derive(Default)]
struct Rows {
    /// (learner, metric, period) → line
    seen: HashMap<(String, String, String), usize>,
    /// learner → (group, line)
    groups: HashMap<String, (&'static str, usize)>,
}

impl Rows {
    fn record(&mut self, learner: &str, group: &str, metric: &str, period: &str, line: usize) -> Option<Message> {
        let key = (learner.to_string(), metric.to_string(), period.to_string());
        if let Some(first) = self.seen.insert(key, line) {
            return Some(msg!(
                "learner `{learner}` already has a `{metric}` value for `{period}` (line {first})",
                "学员 `{learner}` 已有 `{period}` 时段的 `{metric}` 值（第 {first} 行）"
            ));
        }
        let group = match group {
            "treatment" => "treatment",
            "control" => "control",
            _ => return None,
        };
        match self.groups.get(learner) {
            Some(&(first_group, first_line)) if first_group != group => Some(msg!(
                "learner `{learner}` is in `{group}` here but in `{first_group}` on line {first_line}",
                "学员 `{learner}` 在这里属于 `{group}`，但在第 {first_line} 行属于 `{first_group}`"
            )),
            Some(_) => None,
            None => {
                self.groups.insert(learner.to_string(), (group, line));
                None
            }
        }
    }
}

fn csv_error(path: &str, text: &str, error: &csv::Error) -> Diagnostic {
    let line = record_line(text, error.position());
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => {
            let (needed, header) = (HEADER.len(), HEADER.join(","));
            msg!(
                "the row has {len} fields; it needs {needed} ({header})",
                "这一行有 {len} 列，应为 {needed} 列（{header}）"
            )
        }
        _ => msg!("unreadable CSV: {error}", "无法读取 CSV：{error}"),
    };
    Diagnostic::error(path, line, 1, message)
}

/// The 1-based line a record starts on. On CRLF files csv places a record
/// at the `\n` ending the previous line (and counts lines from there), so
/// line breaks at the offset are skipped before counting.
fn record_line(text: &str, position: Option<&csv::Position>) -> usize {
    let bytes = text.as_bytes();
    let mut offset = position.map_or(0, |p| p.byte() as usize).min(bytes.len());
    while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
        offset += 1;
    }
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// 1-based column (in characters) where field `index` starts on `line`,
/// honouring double quotes.
fn field_column(line: &str, index: usize) -> usize {
    let mut field = 0;
    let mut quoted = false;
    for (col, c) in line.chars().enumerate() {
        if field == index {
            return col + 1;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => field += 1,
            _ => {}
        }
    }
    line.chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_columns_skip_quoted_commas() {
        let line = "s01,\"a,b\",new_fans,before,1";
        assert_eq!(field_column(line, 0), 1);
        assert_eq!(field_column(line, 2), 11);
        assert_eq!(field_column(line, 4), 27);
        assert_eq!(field_column("a", 3), 2);
    }
}
