//! Vector charts of one business metric for the PDF, three panels side by
//! side: the mean change of each group (and the DiD) with 95% interval
//! whiskers; each unit's before→after line; the group means with the
//! trained group's counterfactual path (dashed) when there is a control group.

use super::canvas::{Pages, Rgb, ACCENT, CONTROL, DID, INK, LINE, MUTED};
use super::font::Measurer;
use crate::impact::report::format::number;
use crate::impact::report::BusinessMetric;

pub(super) const HEIGHT: f32 = 170.0;
const GAP: f32 = 14.0;
const AXIS_W: f32 = 34.0;
const TITLE_H: f32 = 16.0;
const LABEL_H: f32 = 16.0;

/// One bar of the mean-change panel: its label, mean change, 95% interval and colour.
type Bar<'a> = (&'a str, Option<f64>, Option<[f64; 2]>, Rgb);

/// A panel's plotting area and value range.
struct Plot {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    lo: f64,
    hi: f64,
}

impl Plot {
    fn new(x: f32, y: f32, w: f32, mut lo: f64, mut hi: f64) -> Self {
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = (0.0, 1.0);
        }
        if hi <= lo {
            lo -= 1.0;
            hi += 1.0;
        }
        let pad = (hi - lo) * 0.08;
        Plot { x: x + AXIS_W, y: y + TITLE_H, w: w - AXIS_W, h: HEIGHT - TITLE_H - LABEL_H, lo: lo - pad, hi: hi + pad }
    }

    fn y_of(&self, v: f64) -> f32 {
        self.y + self.h - ((v - self.lo) / (self.hi - self.lo)) as f32 * self.h
    }

    fn axes(&self, pages: &mut Pages, m: &Measurer<'_>, title: &str) {
        pages.text(self.x - AXIS_W, self.y - 5.0, 8.5, title, INK);
        for i in 0..=3 {
            let v = self.lo + (self.hi - self.lo) * f64::from(i) / 3.0;
            let y = self.y_of(v);
            pages.line(vec![(self.x, y), (self.x + self.w, y)], 0.4, LINE, false);
            let label = number(v);
            pages.text(self.x - 3.0 - m.width(&label, 6.5), y + 2.0, 6.5, label, MUTED);
        }
        pages.line(vec![(self.x, self.y), (self.x, self.y + self.h)], 0.6, MUTED, false);
    }

    fn x_label(&self, pages: &mut Pages, m: &Measurer<'_>, cx: f32, text: &str) {
        pages.text(cx - m.width(text, 7.0) / 2.0, self.y + self.h + 11.0, 7.0, text, INK);
    }
}

pub(super) fn metric_charts(
    pages: &mut Pages,
    m: &Measurer<'_>,
    x: f32,
    y: f32,
    width: f32,
    metric: &BusinessMetric,
    noun: &str,
) {
    let Some(stats) = &metric.stats else { return };
    let panel_w = (width - 2.0 * GAP) / 3.0;
    let unit = if metric.definition.unit == "%" { "百分点".to_owned() } else { metric.definition.unit.clone() };

    // 1. Mean change with 95% intervals.
    let mut bars: Vec<Bar<'_>> = vec![("训练组", stats.treatment.mean_diff, stats.treatment.ci95, ACCENT)];
    if let Some(c) = stats.control.as_ref().filter(|c| c.n > 0) {
        bars.push(("对照组", c.mean_diff, c.ci95, CONTROL));
    }
    if let Some(d) = &stats.did {
        bars.push(("净效应", Some(d.estimate), d.ci95, DID));
    }
    let values =
        bars.iter().flat_map(|(_, v, ci, _)| v.iter().copied().chain(ci.iter().flatten().copied())).chain([0.0]);
    let (lo, hi) = range(values);
    let plot = Plot::new(x, y, panel_w, lo, hi);
    let title = if unit.is_empty() {
        "平均变化与95%置信区间".to_owned()
    } else {
        format!("平均变化（{unit}）与95%置信区间")
    };
    plot.axes(pages, m, &title);
    let zero = plot.y_of(0.0);
    pages.line(vec![(plot.x, zero), (plot.x + plot.w, zero)], 0.8, INK, false);
    let slot = plot.w / bars.len() as f32;
    for (i, (label, value, ci, color)) in bars.iter().enumerate() {
        let cx = plot.x + slot * (i as f32 + 0.5);
        if let Some(v) = value {
            let top = plot.y_of(*v);
            pages.rect(cx - slot * 0.25, top.min(zero), slot * 0.5, (top - zero).abs().max(0.5), *color);
        }
        if let Some([a, b]) = ci {
            let (ya, yb) = (plot.y_of(*a), plot.y_of(*b));
            pages.line(vec![(cx, ya), (cx, yb)], 1.0, INK, false);
            pages.line(vec![(cx - 4.0, ya), (cx + 4.0, ya)], 1.0, INK, false);
            pages.line(vec![(cx - 4.0, yb), (cx + 4.0, yb)], 1.0, INK, false);
        }
        plot.x_label(pages, m, cx, label);
    }

    // 2. Each unit's before → after.
    let complete: Vec<_> = metric.units.iter().filter_map(|u| Some((u.group, u.before?, u.after?))).collect();
    let (lo, hi) = range(complete.iter().flat_map(|(_, b, a)| [*b, *a]));
    let plot = Plot::new(x + panel_w + GAP, y, panel_w, lo, hi);
    plot.axes(pages, m, &format!("各{noun}培训前后"));
    let (x0, x1) = (plot.x + plot.w * 0.15, plot.x + plot.w * 0.85);
    // Control lines first, so the trained group's lines stay on top.
    for group in ["control", "treatment"] {
        for (_, before, after) in complete.iter().filter(|(g, ..)| *g == group) {
            let color = if group == "treatment" { ACCENT } else { CONTROL };
            pages.line(vec![(x0, plot.y_of(*before)), (x1, plot.y_of(*after))], 0.8, color, false);
        }
    }
    plot.x_label(pages, m, x0, "培训前");
    plot.x_label(pages, m, x1, "培训后");

    // 3. Group means and the counterfactual (DiD), or the trained group's means alone.
    let t = &stats.treatment;
    let control = stats.control.as_ref().filter(|c| c.n > 0);
    let mut lines: Vec<(Option<f64>, Option<f64>, Rgb, bool)> = vec![(t.mean_before, t.mean_after, ACCENT, false)];
    if let Some(c) = control {
        lines.push((c.mean_before, c.mean_after, CONTROL, false));
        if let (Some(tb), Some(cb), Some(ca)) = (t.mean_before, c.mean_before, c.mean_after) {
            lines.push((Some(tb), Some(tb + ca - cb), DID, true));
        }
    }
    let (lo, hi) = range(lines.iter().flat_map(|(b, a, ..)| [*b, *a]).flatten());
    let plot = Plot::new(x + 2.0 * (panel_w + GAP), y, panel_w, lo, hi);
    plot.axes(pages, m, if control.is_some() { "双重差分：两组均值走势" } else { "训练组均值" });
    let (x0, x1) = (plot.x + plot.w * 0.15, plot.x + plot.w * 0.85);
    for (before, after, color, dashed) in &lines {
        if let (Some(b), Some(a)) = (before, after) {
            pages.line(
                vec![(x0, plot.y_of(*b)), (x1, plot.y_of(*a))],
                if *dashed { 1.2 } else { 2.0 },
                *color,
                *dashed,
            );
        }
    }
    plot.x_label(pages, m, x0, "培训前");
    plot.x_label(pages, m, x1, "培训后");
    if control.is_some() {
        let legend_y = plot.y + 8.0;
        // Each entry right after the one before (not in thirds of the panel:
        // the longest label would then end past the panel, at the margin).
        let mut lx = plot.x + 4.0;
        for (label, color) in [("训练组", ACCENT), ("对照组", CONTROL), ("未培训推算", DID)] {
            pages.rect(lx, legend_y - 5.0, 6.0, 6.0, color);
            pages.text(lx + 8.0, legend_y, 6.0, label, INK);
            lx += 8.0 + m.width(label, 6.0) + 6.0;
        }
    }
}

fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
}
