//! The report as titled tables — the one layout every export renders
//! (HTML, XLSX, CSV, PDF), so that all formats show the same figures.

use qunxue_core::impact::GroupSummary;

use super::super::report::format::number;
use super::super::report::EffectReport;

/// A cell: text, or a number kept as a number for spreadsheets.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, shown as it is.
    Text(String),
    /// A number with thousands separators and decimals by magnitude; `None` shows as `—`.
    Number(Option<f64>),
    /// A statistic shown with a fixed number of decimals (t, d, g).
    Fixed(Option<f64>, usize),
    /// A p-value: three decimals, or `<0.001`.
    P(Option<f64>),
}

impl Cell {
    /// The cell as text, as the HTML, CSV and PDF exports show it.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(Some(v)) => number(*v),
            Cell::Fixed(Some(v), decimals) => format!("{v:.decimals$}"),
            Cell::P(Some(p)) if *p < 0.001 => "<0.001".to_owned(),
            Cell::P(Some(p)) => format!("{p:.3}"),
            Cell::Number(None) | Cell::Fixed(None, _) | Cell::P(None) => "—".to_owned(),
        }
    }
}

impl From<&str> for Cell {
    fn from(t: &str) -> Self {
        Cell::Text(t.to_owned())
    }
}

impl From<String> for Cell {
    fn from(t: String) -> Self {
        Cell::Text(t)
    }
}

impl From<Option<f64>> for Cell {
    fn from(v: Option<f64>) -> Self {
        Cell::Number(v)
    }
}

impl From<f64> for Cell {
    fn from(v: f64) -> Self {
        Cell::Number(Some(v))
    }
}

impl From<usize> for Cell {
    fn from(v: usize) -> Self {
        Cell::Fixed(Some(v as f64), 0)
    }
}

/// One titled table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The table's title, shown above it.
    pub caption: String,
    /// The column headings (Chinese).
    pub headers: Vec<&'static str>,
    /// The body rows, one cell per heading.
    pub rows: Vec<Vec<Cell>>,
}

/// One level (or appendix) of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Short title, also the XLSX sheet name.
    pub title: &'static str,
    /// Sentences shown above the tables (conclusions, notes).
    pub notes: Vec<String>,
    /// The section's tables, in order.
    pub tables: Vec<Table>,
}

const GROUP_HEADERS: [&str; 15] = [
    "指标",
    "组别",
    "n",
    "缺失剔除",
    "培训前均值",
    "培训后均值",
    "平均变化",
    "变化率(%)",
    "95%CI下限",
    "95%CI上限",
    "t",
    "p(t检验)",
    "p(Wilcoxon)",
    "Cohen's d",
    "提示",
];

/// The report as its sections: main conclusions, the four levels, unit data and method; every export renders these.
pub fn sections(report: &EffectReport) -> Vec<Section> {
    let mut out = Vec::new();
    let notes_of = |level: &str| -> Vec<String> {
        report.conclusions.iter().filter(|c| c.level == level).map(|c| c.text.clone()).collect()
    };
    out.push(Section {
        title: "主要结论",
        notes: report.conclusions.iter().map(|c| c.text.clone()).collect(),
        tables: Vec::new(),
    });

    let mut reaction = Vec::new();
    for survey in &report.reaction.surveys {
        reaction.push(Table {
            caption: format!("{}（{} 人填写）", survey.title, survey.respondents),
            headers: vec!["题目", "量表", "回答人数", "平均分", "最高两档占比(%)"],
            rows: survey
                .items
                .iter()
                .map(|i| {
                    vec![
                        i.prompt.as_str().into(),
                        f64::from(i.scale).into(),
                        i.n.into(),
                        i.mean.into(),
                        i.top_two_percent.into(),
                    ]
                })
                .collect(),
        });
        if !survey.comments.is_empty() {
            reaction.push(Table {
                caption: format!("{}：开放题意见", survey.title),
                headers: vec!["题目", "意见"],
                rows: survey.comments.iter().map(|c| vec![c.prompt.as_str().into(), c.text.as_str().into()]).collect(),
            });
        }
    }
    out.push(Section { title: "反应层", notes: notes_of("reaction"), tables: reaction });

    let mut knowledge = Vec::new();
    for pair in &report.knowledge.pairs {
        let g = &pair.gain;
        knowledge.push(Table {
            caption: format!("{} → {}", pair.pre_title, pair.post_title),
            headers: vec!["完成两次测验人数", "仅完成一次", "课前平均(%)", "课后平均(%)", "个人增益均值", "班级增益 g"],
            rows: vec![vec![
                g.n.into(),
                pair.unpaired.into(),
                g.mean_pre.into(),
                g.mean_post.into(),
                Cell::Fixed(g.mean_of_gains, 2),
                Cell::Fixed(g.class_gain, 2),
            ]],
        });
        knowledge.push(Table {
            caption: format!("{}：学员得分", pair.post_title),
            headers: vec!["学员", "课前(%)", "课后(%)", "标准化增益"],
            rows: pair
                .learners
                .iter()
                .map(|l| vec![l.name.as_str().into(), l.pre.into(), l.post.into(), Cell::Fixed(l.gain, 2)])
                .collect(),
        });
    }
    out.push(Section { title: "知识层", notes: notes_of("knowledge"), tables: knowledge });

    let practical = if report.practical.criteria.is_empty() {
        Vec::new()
    } else {
        vec![Table {
            caption: "实操任务评分（已发布成绩）".to_owned(),
            headers: vec!["任务", "评分维度", "人数", "平均分", "满分", "得分率(%)"],
            rows: report
                .practical
                .criteria
                .iter()
                .map(|c| {
                    vec![
                        c.task.as_str().into(),
                        c.criterion.as_str().into(),
                        c.n.into(),
                        c.mean.into(),
                        c.max_points.into(),
                        (c.mean / c.max_points * 100.0).into(),
                    ]
                })
                .collect(),
        }]
    };
    out.push(Section { title: "实操层", notes: notes_of("practical"), tables: practical });

    let b = &report.business;
    let mut groups = Vec::new();
    let mut did = Vec::new();
    for m in &b.metrics {
        let name = if m.definition.unit.is_empty() {
            m.definition.name.clone()
        } else {
            format!("{}（{}）", m.definition.name, m.definition.unit)
        };
        let Some(stats) = &m.stats else {
            groups.push(vec![name.into(), "—".into(), 0usize.into()]);
            continue;
        };
        groups.push(group_row(&name, "训练组", &stats.treatment));
        if let Some(control) = &stats.control {
            groups.push(group_row(&name, "对照组", control));
        }
        if let Some(d) = &stats.did {
            did.push(vec![
                name.into(),
                d.estimate.into(),
                d.ci95.map(|c| c[0]).into(),
                d.ci95.map(|c| c[1]).into(),
                Cell::Fixed(d.t_welch, 2),
                Cell::P(d.p_welch),
            ]);
        }
    }
    let mut business =
        vec![Table {
            caption: "各指标培训前后对比".to_owned(), headers: GROUP_HEADERS.to_vec(), rows: groups
        }];
    if !did.is_empty() {
        business.push(Table {
            caption: "双重差分（训练组变化 − 对照组变化）".to_owned(),
            headers: vec!["指标", "净效应", "95%CI下限", "95%CI上限", "Welch t", "p"],
            rows: did,
        });
    }
    if let Some(roi) = &b.roi {
        business.push(Table {
            caption: "投资回报（Phillips ROI）".to_owned(),
            headers: vec!["培训成本(元)", "货币化收益(元)", "净收益(元)", "ROI(%)", "效益成本比 BCR"],
            rows: vec![vec![
                roi.cost.into(),
                roi.benefit.into(),
                roi.net_benefit.into(),
                Cell::Fixed(Some(roi.roi_percent), 1),
                Cell::Fixed(Some(roi.benefit_cost_ratio), 2),
            ]],
        });
    }
    let mut business_notes = notes_of("business");
    business_notes.extend(notes_of("roi"));
    out.push(Section { title: "业务影响", notes: business_notes, tables: business });

    let unit_rows = b
        .metrics
        .iter()
        .flat_map(|m| {
            m.units.iter().map(move |u| {
                vec![
                    m.definition.name.as_str().into(),
                    u.unit.as_str().into(),
                    (if u.group == "control" { "对照组" } else { "训练组" }).into(),
                    u.before.into(),
                    u.after.into(),
                ]
            })
        })
        .collect();
    out.push(Section {
        title: "明细数据",
        notes: Vec::new(),
        tables: vec![Table {
            caption: format!("各{}培训前后数值", report.study.unit_kind_zh),
            headers: vec!["指标", "对象", "组别", "培训前", "培训后"],
            rows: unit_rows,
        }],
    });

    let s = &report.study;
    out.push(Section {
        title: "方法说明",
        notes: Vec::new(),
        tables: vec![Table {
            caption: "研究设置与统计方法".to_owned(),
            headers: vec!["项目", "说明"],
            rows: [
                ("研究名称", s.name.clone()),
                ("课程", s.course_title.clone()),
                ("评估对象", s.unit_kind_zh.to_owned()),
                ("训练组", format!("{} 个", s.treatment.len())),
                ("对照组", if s.control.is_empty() { "无".to_owned() } else { format!("{} 个", s.control.len()) }),
                ("基线期", format!("{} 至 {}", s.baseline_start, s.baseline_end)),
                ("培训后观察期", format!("{} 至 {}", s.post_start, s.post_end)),
                (
                    "显著性检验",
                    "配对 t 检验（双侧）与 Wilcoxon 符号秩检验；双重差分用 Welch t 检验；显著性水平 0.05".to_owned(),
                ),
                (
                    "置信区间",
                    format!("百分位 bootstrap（{}），{} 次重抽样，随机种子 {}", b.ci_method, b.resamples, b.seed),
                ),
                (
                    "效应量",
                    "Cohen's d_z = 平均变化 ÷ 变化值的标准差（|d| < 0.2 微小，< 0.5 小，< 0.8 中等，其余为大）"
                        .to_owned(),
                ),
                ("缺失值", format!("只用同时有培训前、后数值的对象（{}）", b.missing_values)),
                ("小样本提示", format!("完整数据少于 {} 个对象时提示结论仅供参考", b.small_sample)),
                (
                    "知识增益",
                    "标准化增益 g = (课后 − 课前) ÷ (100 − 课前)（Hake 1998）；课前取第一次提交，课后取最后一次提交"
                        .to_owned(),
                ),
                ("生成时间", report.generated_at.clone()),
            ]
            .into_iter()
            .map(|(k, v)| vec![k.into(), v.into()])
            .collect(),
        }],
    });
    out
}

fn group_row(metric: &str, group: &str, g: &GroupSummary) -> Vec<Cell> {
    vec![
        metric.into(),
        group.into(),
        g.n.into(),
        g.excluded_missing.into(),
        g.mean_before.into(),
        g.mean_after.into(),
        g.mean_diff.into(),
        g.pct_change.into(),
        g.ci95.map(|c| c[0]).into(),
        g.ci95.map(|c| c[1]).into(),
        Cell::Fixed(g.t, 2),
        Cell::P(g.p_t),
        Cell::P(g.p_wilcoxon),
        Cell::Fixed(g.cohens_d, 2),
        g.warnings.join("；").into(),
    ]
}
