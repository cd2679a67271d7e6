//! Long-format impact data: `learner,group,metric,period,value` rows, parsed
//! from CSV text and paired per learner and metric.
//!
//! Rules (see `docs/impact-statistics.md`):
//! - the header names the five columns, in any order, case-insensitively;
//!   other columns are ignored; a UTF-8 byte-order mark is skipped;
//! - `group` is `treatment` or `control`, `period` is `before` or `after`
//!   (case-insensitive);
//! - `value` is a finite decimal number, or empty / `NA` / `N/A` / `NaN` /
//!   `null` for a value known to be missing;
//! - a learner belongs to one group, and gives at most one value per metric
//!   and period;
//! - rows whose fields are all empty (spreadsheet exports) are skipped.
//!
//! Every violation becomes a [`Diagnostic`] pointing at the offending field;
//! parsing carries on so that one run reports every bad row.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Message};
use crate::msg;

/// Which arm of the study a learner is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// The learners who took the training.
    Treatment,
    /// Comparable learners who did not, to tell the training from other causes.
    Control,
}

impl Group {
    /// The lower-case name used in the CSV `group` column and in bootstrap stream keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Treatment => "treatment",
            Group::Control => "control",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        if text.eq_ignore_ascii_case("treatment") {
            Some(Group::Treatment)
        } else if text.eq_ignore_ascii_case("control") {
            Some(Group::Control)
        } else {
            None
        }
    }
}

/// Baseline or post-training measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// The baseline window before the training.
    Before,
    /// The window after the training.
    After,
}

impl Period {
    /// The lower-case name used in the CSV `period` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Before => "before",
            Period::After => "after",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        if text.eq_ignore_ascii_case("before") {
            Some(Period::Before)
        } else if text.eq_ignore_ascii_case("after") {
            Some(Period::After)
        } else {
            None
        }
    }
}

/// One group's paired values for one metric: `before[i]` and `after[i]`
/// belong to learner `learners[i]` (an index into [`ImpactData::learners`]),
/// in order of the learners' first appearance in the data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairedSample {
    /// Index into [`ImpactData::learners`] of each complete pair's learner.
    pub learners: Vec<usize>,
    /// Each complete pair's baseline value.
    pub before: Vec<f64>,
    /// Each complete pair's post-training value.
    pub after: Vec<f64>,
    /// Learners with a row for this metric but no usable before or after value.
    pub excluded_missing: usize,
}

impl PairedSample {
    /// Number of complete pairs.
    pub fn n(&self) -> usize {
        self.before.len()
    }

    /// after − before for each pair.
    pub fn diffs(&self) -> Vec<f64> {
        self.before.iter().zip(&self.after).map(|(b, a)| a - b).collect()
    }

    /// Whether the data mention this group for the metric at all.
    pub fn is_present(&self) -> bool {
        self.n() > 0 || self.excluded_missing > 0
    }
}

/// Paired data of one metric, both groups.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricData {
    /// The metric's name as given in the data (the CSV's `metric` column).
    pub name: String,
    /// The trained group's pairs.
    pub treatment: PairedSample,
    /// The control group's pairs; empty when the metric has no control rows.
    pub control: PairedSample,
}

/// Every metric in a data set, in order of first appearance.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImpactData {
    /// Learner ids, in order of first appearance.
    pub learners: Vec<String>,
    /// Every metric, in order of first appearance.
    pub metrics: Vec<MetricData>,
}

/// Why an observation cannot be added; `first` is the origin (for CSV, the
/// line) of the observation it clashes with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ObservationConflict {
    /// The learner was already seen in the other group.
    GroupChanged {
        /// The group the learner was first seen in.
        first_group: Group,
        /// Origin (for CSV, the line) of the learner's first observation.
        first: usize,
    },
    /// The learner already has a value for this metric and period.
    Duplicate {
        /// Origin (for CSV, the line) of the earlier value.
        first: usize,
    },
}

/// Collects observations from any source (CSV here; a database or a form
/// later) and pairs them per learner and metric.
#[derive(Debug, Default)]
pub struct ImpactDataBuilder {
    metric_ids: HashMap<String, usize>,
    metrics: Vec<(String, Vec<Cell>)>,
    learners: HashMap<String, LearnerEntry>,
    cells: HashMap<(usize, usize), usize>,
}

#[derive(Debug)]
struct LearnerEntry {
    id: usize,
    group: Group,
    first: usize,
}

/// One learner's values for one metric: (value, origin) per period; a value
/// of `None` was given as missing.
#[derive(Debug)]
struct Cell {
    learner: usize,
    group: Group,
    before: Option<(Option<f64>, usize)>,
    after: Option<(Option<f64>, usize)>,
}

impl ImpactDataBuilder {
    /// Adds one observation; `origin` is reported back in conflicts.
    pub fn add(
        &mut self,
        learner: &str,
        group: Group,
        metric: &str,
        period: Period,
        value: Option<f64>,
        origin: usize,
    ) -> Result<(), ObservationConflict> {
        let learner_id = match self.learners.get(learner) {
            Some(entry) if entry.group != group => {
                return Err(ObservationConflict::GroupChanged { first_group: entry.group, first: entry.first })
            }
            Some(entry) => entry.id,
            None => {
                let id = self.learners.len();
                self.learners.insert(learner.to_owned(), LearnerEntry { id, group, first: origin });
                id
            }
        };
        let metric_id = match self.metric_ids.get(metric) {
            Some(&id) => id,
            None => {
                let id = self.metrics.len();
                self.metric_ids.insert(metric.to_owned(), id);
                self.metrics.push((metric.to_owned(), Vec::new()));
                id
            }
        };
        let cells = &mut self.metrics[metric_id].1;
        let cell_id = *self.cells.entry((metric_id, learner_id)).or_insert_with(|| {
            cells.push(Cell { learner: learner_id, group, before: None, after: None });
            cells.len() - 1
        });
        let slot = match period {
            Period::Before => &mut cells[cell_id].before,
            Period::After => &mut cells[cell_id].after,
        };
        if let Some((_, first)) = slot {
            return Err(ObservationConflict::Duplicate { first: *first });
        }
        *slot = Some((value, origin));
        Ok(())
    }

    /// Pairs the values: learners with both values go into the sample of
    /// their group, the others are counted as `excluded_missing`.
    pub fn finish(self) -> ImpactData {
        let metrics = self
            .metrics
            .into_iter()
            .map(|(name, mut cells)| {
                // The same learner order for every metric, so that metrics with
                // the same learners share one bootstrap resampling.
                cells.sort_unstable_by_key(|cell| cell.learner);
                let mut treatment = PairedSample::default();
                let mut control = PairedSample::default();
                for cell in cells {
                    let sample = match cell.group {
                        Group::Treatment => &mut treatment,
                        Group::Control => &mut control,
                    };
                    match (cell.before, cell.after) {
                        (Some((Some(before), _)), Some((Some(after), _))) => {
                            sample.learners.push(cell.learner);
                            sample.before.push(before);
                            sample.after.push(after);
                        }
                        _ => sample.excluded_missing += 1,
                    }
                }
                MetricData { name, treatment, control }
            })
            .collect();
        let mut learners: Vec<(String, LearnerEntry)> = self.learners.into_iter().collect();
        learners.sort_unstable_by_key(|(_, entry)| entry.id);
        ImpactData { learners: learners.into_iter().map(|(name, _)| name).collect(), metrics }
    }
}

const COLUMNS: [&str; 5] = ["learner", "group", "metric", "period", "value"];
const MISSING_TOKENS: [&str; 5] = ["", "na", "n/a", "nan", "null"];

/// Parses long-format CSV text. `file` names the source in diagnostics.
pub fn parse_csv(file: &str, text: &str) -> Result<ImpactData, Vec<Diagnostic>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut locator = Locator::new(file, body);

    let columns = match reader.read_record(&mut record) {
        Ok(true) => match column_positions(&record) {
            Ok(columns) => columns,
            Err(message) => return Err(vec![locator.error(record_start(body, &record), message)]),
        },
        Ok(false) => {
            let header = COLUMNS.join(",");
            let message = msg!("empty file: expected the header {header}", "文件为空：应有表头 {header}");
            return Err(vec![locator.error(0, message)]);
        }
        Err(error) => return Err(vec![csv_error(file, &error)]),
    };

    let mut builder = ImpactDataBuilder::default();
    let mut diagnostics = Vec::new();
    let mut rows = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                diagnostics.push(csv_error(file, &error));
                break;
            }
        }
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        rows += 1;
        let start = record_start(body, &record);
        let line = locator.line(start);
        match read_row(&record, &columns) {
            Ok(row) => {
                if let Err(conflict) = builder.add(row.learner, row.group, row.metric, row.period, row.value, line) {
                    let (field, message) = describe_conflict(&row, conflict);
                    diagnostics.push(locator.error(field_offset(body, start, columns[field]), message));
                }
            }
            Err(problems) => {
                for (field, message) in problems {
                    diagnostics.push(locator.error(field_offset(body, start, field), message));
                }
            }
        }
    }
    if rows == 0 && diagnostics.is_empty() {
        diagnostics.push(locator.error(body.len(), msg!("no data rows after the header", "表头之后没有数据行")));
    }
    if diagnostics.is_empty() {
        Ok(builder.finish())
    } else {
        Err(diagnostics)
    }
}

/// Turns byte offsets into line and column numbers. Records arrive in order,
/// so lines are counted incrementally from the previous offset: linear in
/// the file size however many rows there are (a fresh scan per row would be
/// quadratic).
struct Locator<'a> {
    file: &'a str,
    body: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> Locator<'a> {
    fn new(file: &'a str, body: &'a str) -> Self {
        Self { file, body, offset: 0, line: 1 }
    }

    /// 1-based line of `offset`.
    fn line(&mut self, offset: usize) -> usize {
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        self.line += self.body.as_bytes()[self.offset..offset].iter().filter(|&&b| b == b'\n').count();
        self.offset = offset;
        self.line
    }

    /// An error at `offset`; the column counts characters, not bytes.
    fn error(&mut self, offset: usize, message: Message) -> Diagnostic {
        let line = self.line(offset);
        let line_start = self.body[..offset].rfind('\n').map_or(0, |i| i + 1);
        let col = self.body[line_start..offset].chars().count() + 1;
        Diagnostic::error(self.file, line, col, message)
    }
}

struct Row<'a> {
    learner: &'a str,
    group: Group,
    metric: &'a str,
    period: Period,
    value: Option<f64>,
}

/// Record field index of each of [`COLUMNS`].
type Columns = [usize; 5];

fn column_positions(header: &csv::StringRecord) -> Result<Columns, Message> {
    let mut columns = [usize::MAX; 5];
    for (index, name) in header.iter().enumerate() {
        if let Some(c) = COLUMNS.iter().position(|want| name.trim().eq_ignore_ascii_case(want)) {
            if columns[c] == usize::MAX {
                columns[c] = index;
            }
        }
    }
    let missing: Vec<&str> = COLUMNS.iter().zip(columns).filter(|(_, i)| *i == usize::MAX).map(|(n, _)| *n).collect();
    if missing.is_empty() {
        Ok(columns)
    } else {
        let (lacking, lacking_zh, expected) = (missing.join(", "), missing.join("、"), COLUMNS.join(","));
        Err(msg!("header lacks column(s) {lacking}: expected {expected}", "表头缺少列 {lacking_zh}：应为 {expected}"))
    }
}

/// Validates one record; problems are (record field index, message).
fn read_row<'a>(record: &'a csv::StringRecord, columns: &Columns) -> Result<Row<'a>, Vec<(usize, Message)>> {
    let needed = columns.iter().max().map_or(0, |m| m + 1);
    if record.len() < needed {
        let (names, found) = (COLUMNS.join(","), record.len());
        let message = msg!(
            "expected {needed} fields ({names}), found {found}",
            "应有 {needed} 个字段（{names}），实际为 {found} 个"
        );
        return Err(vec![(record.len(), message)]);
    }
    let field = |c: usize| record[columns[c]].trim();
    let mut problems = Vec::new();
    let mut problem = |c: usize, message: Message| problems.push((columns[c], message));

    let learner = field(0);
    if learner.is_empty() {
        problem(0, msg!("missing learner id", "缺少学员 ID"));
    }
    let group = Group::parse(field(1));
    if group.is_none() {
        let written = field(1);
        problem(
            1,
            msg!(
                "unknown group `{written}`: expected treatment or control",
                "未知的组别 `{written}`：应为 treatment 或 control"
            ),
        );
    }
    let metric = field(2);
    if metric.is_empty() {
        problem(2, msg!("missing metric name", "缺少指标名称"));
    }
    let period = Period::parse(field(3));
    if period.is_none() {
        let written = field(3);
        problem(
            3,
            msg!(
                "unknown period `{written}`: expected before or after",
                "未知的时期 `{written}`：应为 before 或 after"
            ),
        );
    }
    let value = parse_value(field(4)).map_err(|message| problem(4, message)).ok();

    match (group, period, value) {
        (Some(group), Some(period), Some(value)) if problems.is_empty() => {
            Ok(Row { learner, group, metric, period, value })
        }
        _ => Err(problems),
    }
}

/// `Ok(None)` for a value marked missing.
fn parse_value(text: &str) -> Result<Option<f64>, Message> {
    if MISSING_TOKENS.iter().any(|token| text.eq_ignore_ascii_case(token)) {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        Ok(_) => Err(msg!("value `{text}` is not a finite number", "值 `{text}` 不是有限数值")),
        Err(_) if text.ends_with('%') => Err(msg!(
            "value `{text}` is not a number: write percentages without the % sign",
            "值 `{text}` 不是数字：百分比请不要带 % 号"
        )),
        Err(_) if text.contains(',') => Err(msg!(
            "value `{text}` is not a number: write it without thousands separators",
            "值 `{text}` 不是数字：请不要使用千位分隔符"
        )),
        Err(_) => Err(msg!(
            "value `{text}` is not a number (leave it empty or write NA if it is missing)",
            "值 `{text}` 不是数字（如果缺失，请留空或填写 NA）"
        )),
    }
}

fn describe_conflict(row: &Row<'_>, conflict: ObservationConflict) -> (usize, Message) {
    let (learner, metric, period) = (row.learner, row.metric, row.period.as_str());
    match conflict {
        ObservationConflict::GroupChanged { first_group, first } => {
            let group = first_group.as_str();
            (
                1,
                msg!(
                    "learner `{learner}` is in group {group} on line {first}; a learner belongs to one group",
                    "学员 `{learner}` 在第 {first} 行属于 {group} 组；一名学员只能属于一个组"
                ),
            )
        }
        ObservationConflict::Duplicate { first } => (
            3,
            msg!(
                "duplicate value: learner `{learner}`, metric `{metric}`, period {period} was already given on line {first}",
                "重复的值：学员 `{learner}`、指标 `{metric}`、时期 {period} 已在第 {first} 行给出"
            ),
        ),
    }
}

/// Byte offset of the record's first character. After a CR LF the reader's
/// position can still be on the LF, which no unquoted record starts with.
fn record_start(body: &str, record: &csv::StringRecord) -> usize {
    let position = record.position().map_or(0, |p| p.byte() as usize);
    position + body.as_bytes()[position.min(body.len())..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count()
}

/// Byte offset in `body` where field `field` of the record starting at
/// `start` begins; past the record's end, the end of its line (so "missing
/// field" errors point just after the last character).
fn field_offset(body: &str, start: usize, field: usize) -> usize {
    let bytes = body.as_bytes();
    let mut current = 0;
    let mut in_quotes = false;
    for (i, &byte) in bytes.iter().enumerate().skip(start) {
        if current == field {
            return i;
        }
        match byte {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => current += 1,
            b'\n' | b'\r' if !in_quotes => return i,
            _ => {}
        }
    }
    bytes.len()
}

fn csv_error(file: &str, error: &csv::Error) -> Diagnostic {
    let line = error.position().map_or(1, |p| p.line() as usize);
    Diagnostic::error(file, line, 1, msg!("unreadable CSV: {error}", "无法读取 CSV：{error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse_csv("d.csv", text).unwrap_err().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn pairs_learners_and_counts_missing() {
        let text = "\u{feff}learner,group,metric,period,value\n\
                    a,treatment,sales,before,10\n\
                    a,treatment,sales,after,12.5\n\
                    b,treatment,sales,before,8\n\
                    c,control,sales,after,NA\n\
                    c,control,sales,before,7\n\
                    d,control,sales,before,6\n\
                    d,control,sales,after,6.5\n\
                    ,,,,\n";
        let data = parse_csv("d.csv", text).unwrap();
        assert_eq!(data.metrics.len(), 1);
        let sales = &data.metrics[0];
        assert_eq!(sales.name, "sales");
        assert_eq!(sales.treatment.before, vec![10.0]);
        assert_eq!(data.learners, ["a", "b", "c", "d"]);
        assert_eq!(sales.treatment.learners, [0]);
        assert_eq!(sales.control.learners, [3]);
        assert_eq!(sales.treatment.after, vec![12.5]);
        assert_eq!(sales.treatment.excluded_missing, 1);
        assert_eq!(sales.control.diffs(), vec![0.5]);
        assert_eq!(sales.control.excluded_missing, 1);
    }

    #[test]
    fn columns_in_any_order_with_extras_and_quotes() {
        let text = "Value,Period,note,Metric,Group,Learner\n\
                    \"1,5\",before,x,m,treatment,\"Li, Na\"\n\
                    2,AFTER,y,m,Treatment,\"Li, Na\"\n";
        let err = errors(text);
        assert_eq!(err, vec!["d.csv:2:1: value `1,5` is not a number: write it without thousands separators"]);
        let ok = text.replace("\"1,5\"", "1.5");
        let data = parse_csv("d.csv", &ok).unwrap();
        assert_eq!(data.metrics[0].treatment.diffs(), vec![0.5]);
    }

    #[test]
    fn every_bad_field_is_reported_with_its_column() {
        let text = "learner,group,metric,period,value\n\
                    s01,treatment,sales,before,100\n\
                    s01,treatment,sales,after,abc\n\
                    s02,trained,sales,during,95\n\
                    s03,treatment,sales,before\n\
                    s01,treatment,sales,before,101\n\
                    s01,control,sales,before,101\n\
                    s04,treatment,,after,inf\n\
                    销售员,treatment,销售额,after,12%\n";
        assert_eq!(
            errors(text),
            vec![
                "d.csv:3:27: value `abc` is not a number (leave it empty or write NA if it is missing)",
                "d.csv:4:5: unknown group `trained`: expected treatment or control",
                "d.csv:4:19: unknown period `during`: expected before or after",
                "d.csv:5:27: expected 5 fields (learner,group,metric,period,value), found 4",
                "d.csv:6:21: duplicate value: learner `s01`, metric `sales`, period before was already given on line 2",
                "d.csv:7:5: learner `s01` is in group treatment on line 2; a learner belongs to one group",
                "d.csv:8:15: missing metric name",
                "d.csv:8:22: value `inf` is not a finite number",
                "d.csv:9:25: value `12%` is not a number: write percentages without the % sign",
            ]
        );
    }

    #[test]
    fn header_and_empty_input_problems() {
        assert_eq!(errors(""), vec!["d.csv:1:1: empty file: expected the header learner,group,metric,period,value"]);
        assert_eq!(
            errors("learner,group,period,value\n"),
            vec!["d.csv:1:1: header lacks column(s) metric: expected learner,group,metric,period,value"]
        );
        assert_eq!(errors("learner,group,metric,period,value\n"), vec!["d.csv:2:1: no data rows after the header"]);
    }

    #[test]
    fn errors_are_also_in_chinese() {
        let text = "learner,group,metric,period,value\n\
                    s01,treatment,sales,before,100\n\
                    s01,treatment,sales,after,abc\n\
                    s01,treatment,sales,before,101\n";
        let diagnostics = parse_csv("d.csv", text).unwrap_err();
        let zh: Vec<String> = diagnostics.iter().map(|d| d.line_in(crate::Lang::Zh)).collect();
        assert_eq!(
            zh,
            vec![
                "d.csv:3:27: 值 `abc` 不是数字（如果缺失，请留空或填写 NA）",
                "d.csv:4:21: 重复的值：学员 `s01`、指标 `sales`、时期 before 已在第 2 行给出",
            ]
        );
        assert_eq!(errors("")[0], "d.csv:1:1: empty file: expected the header learner,group,metric,period,value");
        let empty = parse_csv("d.csv", "").unwrap_err();
        assert_eq!(empty[0].message_zh, "文件为空：应有表头 learner,group,metric,period,value");
    }

    #[test]
    fn crlf_line_endings_and_blank_lines() {
        let text = "learner,group,metric,period,value\r\n\r\na,treatment,m,before,1\r\na,treatment,m,after,3\r\n";
        let data = parse_csv("d.csv", text).unwrap();
        assert_eq!(data.metrics[0].treatment.diffs(), vec![2.0]);
        let bad = "learner,group,metric,period,value\r\na,treatment,m,before,x\r\n";
        assert_eq!(
            errors(bad)[0],
            "d.csv:2:22: value `x` is not a number (leave it empty or write NA if it is missing)"
        );
    }

    #[test]
    fn metrics_keep_their_order_of_appearance() {
        let text = "learner,group,metric,period,value\nz,treatment,b,before,1\nz,treatment,a,before,1\n";
        let data = parse_csv("d.csv", text).unwrap();
        let names: Vec<&str> = data.metrics.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["b", "a"]);
        assert_eq!(data.metrics[0].treatment.excluded_missing, 1);
        assert!(!data.metrics[0].control.is_present());
    }
}
