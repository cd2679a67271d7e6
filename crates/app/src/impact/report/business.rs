//! The business-impact level: the study's stored values paired per unit and
//! run through `qunxue_core::impact::analyse`, plus Phillips ROI.

use std::collections::HashMap;

use qunxue_core::impact::{
    analyse, phillips_roi, AnalysisOptions, ImpactDataBuilder, MetricReport, Period, Roi, CI_METHOD,
    MISSING_VALUES_POLICY, SMALL_SAMPLE,
};
use qunxue_store::impact as db;
use qunxue_store::Connection;
use serde::Serialize;

use super::super::parse_arm;
use super::super::studies::{MetricDefinition, StudyView};
use crate::Result;

/// The business-impact level of the report: each metric's statistics and the programme's ROI.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BusinessLevel {
    /// One entry per metric of the study, in the study's order.
    pub metrics: Vec<BusinessMetric>,
    /// The Phillips ROI from the study's monetised benefit and programme cost; `None` when either is missing.
    pub roi: Option<Roi>,
    /// Why there is no ROI, when there is none.
    pub roi_note: Option<String>,
    /// The bootstrap seed used; the same seed gives the same intervals.
    pub seed: u64,
    /// Bootstrap resamples drawn per group; 0 when the intervals were skipped.
    pub resamples: usize,
    /// Coverage of every interval, e.g. 0.95.
    pub confidence: f64,
    /// How the intervals were computed (`bootstrap-percentile`), stated in the method notes.
    pub ci_method: &'static str,
    /// How missing values were handled (complete pairs only), stated in the method notes.
    pub missing_values: &'static str,
    /// Below this many complete pairs a group carries a small-sample warning.
    pub small_sample: usize,
}

/// One metric: its definition, the statistics (`None` when no unit has a
/// value for it yet) and each unit's values for the slope chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BusinessMetric {
    /// The metric as the study defines it (name, unit, direction, aggregation).
    pub definition: MetricDefinition,
    /// The paired statistics per group and the difference in differences; `None` while no unit has a value.
    pub stats: Option<MetricReport>,
    /// Each unit's before and after values, for the slope chart.
    pub units: Vec<UnitValues>,
}

/// One unit's values of one metric, a line of the slope chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitValues {
    /// The learner, team or store, as the study names it.
    pub unit: String,
    /// `treatment` or `control`.
    pub group: &'static str,
    /// The baseline-period value, in the metric's unit; `None` when missing.
    pub before: Option<f64>,
    /// The post-training value, in the metric's unit; `None` when missing.
    pub after: Option<f64>,
}

pub(super) fn business_level(conn: &Connection, study: &StudyView, options: &AnalysisOptions) -> Result<BusinessLevel> {
    let observations = db::list_observations(conn, &study.id)?;
    let mut builder = ImpactDataBuilder::default();
    let mut units: HashMap<&str, Vec<UnitValues>> = HashMap::new();
    for (origin, o) in observations.iter().enumerate() {
        let (Some(group), Some(period)) = (parse_arm(&o.arm), parse_period(&o.period)) else {
            continue;
        };
        // The primary key makes every (unit, metric, period) unique and the
        // schema pins each unit to one group, so conflicts cannot happen.
        let _ = builder.add(&o.unit, group, &o.metric_id, period, o.value, origin);
        let list = units.entry(o.metric_id.as_str()).or_default();
        let row = match list.iter().position(|u| u.unit == o.unit) {
            Some(i) => &mut list[i],
            None => {
                list.push(UnitValues { unit: o.unit.clone(), group: group.as_str(), before: None, after: None });
                list.last_mut().expect("just pushed")
            }
        };
        match period {
            Period::Before => row.before = o.value,
            Period::After => row.after = o.value,
        }
    }
    let report = analyse(&builder.finish(), options);
    let mut by_metric: HashMap<String, MetricReport> =
        report.metrics.into_iter().map(|m| (m.metric.clone(), m)).collect();
    let metrics = study
        .metrics
        .iter()
        .map(|definition| BusinessMetric {
            definition: definition.clone(),
            stats: by_metric.remove(&definition.id),
            units: units.remove(definition.id.as_str()).unwrap_or_default(),
        })
        .collect();
    let (roi, roi_note) = match (study.monetised_benefit, study.programme_cost) {
        (Some(benefit), Some(cost)) => match phillips_roi(benefit, cost) {
            Ok(roi) => (Some(roi), None),
            Err(e) => (None, Some(e.to_string())),
        },
        (None, _) => (None, Some("未填写货币化收益，无法计算 ROI".to_owned())),
        (_, None) => (None, Some("未填写培训项目成本，无法计算 ROI".to_owned())),
    };
    Ok(BusinessLevel {
        metrics,
        roi,
        roi_note,
        seed: report.seed,
        resamples: report.resamples,
        confidence: report.confidence,
        ci_method: CI_METHOD,
        missing_values: MISSING_VALUES_POLICY,
        small_sample: SMALL_SAMPLE,
    })
}

fn parse_period(text: &str) -> Option<Period> {
    match text {
        "before" => Some(Period::Before),
        "after" => Some(Period::After),
        _ => None,
    }
}
