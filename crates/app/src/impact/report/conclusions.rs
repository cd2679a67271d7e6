//! Plain-language Chinese conclusions written from the numbers alone — no
//! judgement the figures do not support. A change is called significant
//! only when the paired t-test gives p < 0.05; a net effect is attributed to
//! the training only when the difference-in-differences interval excludes 0.

use qunxue_core::impact::{GroupSummary, MetricReport, Roi};
use qunxue_core::pack::model::Direction;
use serde::Serialize;

use super::business::{BusinessLevel, BusinessMetric};
use super::format::{amount, interval, level, number, p_value};
use super::knowledge::KnowledgeLevel;
use super::practical::PracticalLevel;
use super::reaction::ReactionLevel;

/// Significance level of the statements.
pub const ALPHA: f64 = 0.05;

/// One conclusion, tagged with its level (`reaction`, `knowledge`,
/// `practical`, `business`, `roi`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conclusion {
    /// The level the sentence is about: `reaction`, `knowledge`, `practical`, `business` or `roi`.
    pub level: &'static str,
    /// The conclusion as one plain-language Chinese sentence.
    pub text: String,
}

/// The report's conclusions, one per level and one per business metric, then the ROI; `unit_noun` is the Chinese
/// word for the study's units (学员, 团队 or 门店).
pub fn conclusions(
    unit_noun: &str,
    reaction: &ReactionLevel,
    knowledge: &KnowledgeLevel,
    practical: &PracticalLevel,
    business: &BusinessLevel,
) -> Vec<Conclusion> {
    let mut out = Vec::new();
    let mut push = |level, text: String| out.push(Conclusion { level, text });
    push("reaction", reaction_text(reaction));
    push("knowledge", knowledge_text(knowledge));
    push("practical", practical_text(practical));
    for metric in &business.metrics {
        push("business", metric_text(unit_noun, metric, business.small_sample));
    }
    push("roi", roi_text(business.roi.as_ref(), business.roi_note.as_deref()));
    out
}

fn reaction_text(reaction: &ReactionLevel) -> String {
    let answered: Vec<_> = reaction.surveys.iter().filter(|s| s.respondents > 0).collect();
    if answered.is_empty() {
        return "反应层：尚无学员填写课程满意度调查。".to_owned();
    }
    let parts: Vec<String> = answered
        .iter()
        .map(|s| {
            let rated: Vec<_> = s.items.iter().filter(|i| i.n > 0).collect();
            let n: usize = rated.iter().map(|i| i.n).sum();
            if n == 0 {
                return format!("{} 人填写了《{}》，但没有回答量表题", s.respondents, s.title);
            }
            let mean = rated.iter().map(|i| i.mean.unwrap_or(0.0) * i.n as f64).sum::<f64>() / n as f64;
            let top = rated.iter().map(|i| i.top_two_percent.unwrap_or(0.0) * i.n as f64).sum::<f64>() / n as f64;
            let scale = rated.iter().map(|i| i.scale).max().unwrap_or(5);
            format!(
                "{} 人填写了《{}》，量表题平均 {:.2} 分（满分 {scale} 分），{:.0}% 的评分落在最高的两档",
                s.respondents, s.title, mean, top
            )
        })
        .collect();
    format!("反应层：{}。", parts.join("；"))
}

fn knowledge_text(knowledge: &KnowledgeLevel) -> String {
    let with_data: Vec<_> = knowledge.pairs.iter().filter(|p| p.gain.n > 0).collect();
    if with_data.is_empty() {
        return if knowledge.pairs.is_empty() {
            "知识层：本课程没有配对的课前测与课后测，无法计算知识增益。".to_owned()
        } else {
            "知识层：尚无学员同时完成课前测和课后测。".to_owned()
        };
    }
    let parts: Vec<String> = with_data
        .iter()
        .map(|p| {
            let g = &p.gain;
            let mut text = format!(
                "{} 名学员完成了《{}》和《{}》，平均分从 {:.1} 分变为 {:.1} 分",
                g.n,
                p.pre_title,
                p.post_title,
                g.mean_pre.unwrap_or(f64::NAN),
                g.mean_post.unwrap_or(f64::NAN)
            );
            if let Some(class_gain) = g.class_gain {
                let band = if class_gain >= 0.7 {
                    "高增益"
                } else if class_gain >= 0.3 {
                    "中等增益"
                } else if class_gain >= 0.0 {
                    "低增益"
                } else {
                    "负增益，课后测反而更低"
                };
                text.push_str(&format!(
                    "，标准化增益 g = {class_gain:.2}（{band}；Hake 标准：≥ 0.7 高，0.3–0.7 中，< 0.3 低）"
                ));
            }
            text
        })
        .collect();
    format!("知识层：{}。", parts.join("；"))
}

fn practical_text(practical: &PracticalLevel) -> String {
    if practical.criteria.is_empty() {
        return format!("实操层：{}", practical.note.as_deref().unwrap_or("尚无已发布评分的实操任务。"));
    }
    let weakest = practical
        .criteria
        .iter()
        .min_by(|a, b| (a.mean / a.max_points).total_cmp(&(b.mean / b.max_points)))
        .expect("non-empty");
    let strongest = practical
        .criteria
        .iter()
        .max_by(|a, b| (a.mean / a.max_points).total_cmp(&(b.mean / b.max_points)))
        .expect("non-empty");
    format!(
        "实操层：共 {} 项评分维度有已发布成绩。得分率最高的是“{}”（{}，平均 {:.1}/{} 分），最低的是“{}”（{}，平均 {:.1}/{} 分），后者可作为下一轮辅导的重点。",
        practical.criteria.len(),
        strongest.criterion,
        strongest.task,
        strongest.mean,
        number(strongest.max_points),
        weakest.criterion,
        weakest.task,
        weakest.mean,
        number(weakest.max_points)
    )
}

fn significant(g: &GroupSummary) -> Option<bool> {
    g.p_t.map(|p| p < ALPHA)
}

fn change_verb(diff: f64, unit: &str) -> &'static str {
    match (diff >= 0.0, unit == "%") {
        (true, true) => "提升",
        (false, true) => "下降",
        (true, false) => "增加",
        (false, false) => "减少",
    }
}

fn effect_band(d: f64) -> &'static str {
    match d.abs() {
        x if x < 0.2 => "微小",
        x if x < 0.5 => "小",
        x if x < 0.8 => "中等",
        _ => "大",
    }
}

fn metric_text(unit_noun: &str, metric: &BusinessMetric, small: usize) -> String {
    let def = &metric.definition;
    let name = &def.name;
    let Some(stats) = &metric.stats else {
        return format!("{name}：尚未录入数据。");
    };
    let MetricReport { treatment: t, control, did, .. } = stats;
    let (Some(diff), Some(before), Some(after)) = (t.mean_diff, t.mean_before, t.mean_after) else {
        return format!("{name}：训练组没有同时具备培训前后数据的{unit_noun}，无法评估。");
    };
    let good = match def.direction {
        Direction::Up => diff > 0.0,
        Direction::Down => diff < 0.0,
    };
    let mut text = format!(
        "训练组的{name}平均{}{}（从 {} 到 {}",
        change_verb(diff, &def.unit),
        amount(diff, &def.unit),
        level(before, &def.unit),
        level(after, &def.unit)
    );
    if let Some(ci) = t.ci95 {
        text.push_str(&format!("，95% 置信区间 {}", interval(ci)));
    }
    text.push('）');
    match (significant(t), t.p_t) {
        (Some(true), Some(p)) => {
            text.push_str(&format!("，配对 t 检验 {}，变化显著", p_value(p)));
            text.push_str(if good { "，方向符合预期" } else { "，但方向与期望相反" });
        }
        (Some(false), Some(p)) => text.push_str(&format!("，配对 t 检验 {}，变化不显著，可能只是随机波动", p_value(p))),
        _ => text.push_str("，数据太少，无法做显著性检验"),
    }
    if let Some(d) = t.cohens_d {
        text.push_str(&format!("，效应量 d = {d:.2}（{}）", effect_band(d)));
    }
    if let Some(c) = control.as_ref().filter(|c| c.n > 0) {
        match (c.mean_diff, significant(c), c.p_t) {
            (Some(cd), Some(true), Some(p)) => text.push_str(&format!(
                "；对照组同期也{}{}，变化显著（{}）",
                change_verb(cd, &def.unit),
                amount(cd, &def.unit),
                p_value(p)
            )),
            (Some(cd), Some(false), Some(p)) => text.push_str(&format!(
                "；对照组同期变化不显著（{}{}，{}）",
                if cd >= 0.0 { "+" } else { "−" },
                amount(cd, &def.unit),
                p_value(p)
            )),
            _ => {}
        }
    }
    if let Some(did) = did {
        text.push_str(&format!(
            "；扣除对照组同期变化后，培训的净效应为 {}{}",
            if did.estimate >= 0.0 { "+" } else { "−" },
            amount(did.estimate, &def.unit)
        ));
        if let Some(ci) = did.ci95 {
            text.push_str(&format!("（95% 置信区间 {}）", interval(ci)));
            let excludes_zero = ci[0] > 0.0 || ci[1] < 0.0;
            text.push_str(if excludes_zero {
                "，区间不含 0，可以认为变化来自培训"
            } else {
                "，区间包含 0，尚不能确定变化来自培训"
            });
        }
    } else if t.ci95.is_some() {
        text.push_str("；本研究没有对照组，无法排除季节、促销等同期因素的影响");
    }
    text.push('。');
    if t.n < small {
        text.push_str(&format!("注意：只有 {} 个{unit_noun}有完整的培训前后数据，样本偏小，结论仅供参考。", t.n));
    }
    if t.excluded_missing > 0 {
        text.push_str(&format!("另有 {} 个{unit_noun}缺少培训前或培训后的数据，未纳入计算。", t.excluded_missing));
    }
    text
}

fn roi_text(roi: Option<&Roi>, note: Option<&str>) -> String {
    let Some(roi) = roi else {
        return format!("投资回报：{}。", note.unwrap_or("未填写成本与收益"));
    };
    let verdict = if roi.roi_percent >= 0.0 {
        format!("每投入 1 元带来 {:.2} 元收益", roi.benefit_cost_ratio)
    } else {
        "收益尚未覆盖培训成本".to_owned()
    };
    format!(
        "投资回报：培训项目成本 {} 元，货币化收益 {} 元，净收益 {} 元；ROI = {:.1}%，效益成本比 BCR = {:.2}，{verdict}。",
        number(roi.cost),
        number(roi.benefit),
        number(roi.net_benefit),
        roi.roi_percent,
        roi.benefit_cost_ratio
    )
}
