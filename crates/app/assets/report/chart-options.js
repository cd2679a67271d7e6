// ECharts options of the training-effect report's charts, shared by the
// exported HTML report (inlined as-is, no build tooling) and the desktop
// report view (imported for its side effect): both call
// globalThis.QunxueChartOptions(report, kind, index).
(function () {
  'use strict';
  var report;
  var TREAT = '#2f6f5e';
  var CONTROL = '#9aa5b1';
  var DID = '#c2703d';
  var font = { fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif' };

  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) return '—';
    var a = Math.abs(v);
    return v.toLocaleString('zh-CN', { maximumFractionDigits: a >= 1000 ? 0 : a >= 1 ? 1 : 2 });
  }

  // ECharts inserts a tooltip formatter's return value as HTML, and unit and
  // learner names are whatever an instructor's data file or a learner typed:
  // every name goes through this before it joins a tooltip. (The same escape
  // as echarts.format.encodeHTML, written out because the desktop view
  // imports ECharts as modules, with no global `echarts`.)
  function text(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // "name：value" for one point of a named line (a unit, a learner).
  function namedPointTooltip(p) {
    return text(p.seriesName) + '：' + fmt(p.value);
  }

  // Vertical interval whiskers: data items are [categoryIndex, low, high].
  function whiskers(name, data, color) {
    return {
      type: 'custom', name: name, data: data, z: 10, tooltip: { show: false },
      renderItem: function (params, api) {
        var x = api.value(0);
        var lo = api.coord([x, api.value(1)]);
        var hi = api.coord([x, api.value(2)]);
        var w = 8;
        var style = { stroke: color, lineWidth: 2 };
        return {
          type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
            { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: style },
            { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: style }
          ]
        };
      }
    };
  }

  function base(title) {
    return {
      textStyle: font, animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14, fontWeight: 'normal' } },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 24, top: 48, bottom: 56 }
    };
  }

  // Mean change of each group (and the DiD) with its 95% interval.
  function changeChart(metric) {
    var s = metric.stats, unit = metric.definition.unit;
    var names = ['训练组'], values = [s.mean_diff], cis = [s.ci95], colors = [TREAT];
    if (s.control && s.control.n > 0) { names.push('对照组'); values.push(s.control.mean_diff); cis.push(s.control.ci95); colors.push(CONTROL); }
    if (s.did) { names.push('净效应（DiD）'); values.push(s.did.estimate); cis.push(s.did.ci95); colors.push(DID); }
    var o = base('平均变化及 95% 置信区间' + (unit === '%' ? '（百分点）' : unit ? '（' + unit + '）' : ''));
    o.xAxis = { type: 'category', data: names };
    o.yAxis = { type: 'value', axisLabel: { formatter: fmt } };
    o.series = [
      { type: 'bar', name: '平均变化', barWidth: '40%',
        data: values.map(function (v, i) { return { value: v, itemStyle: { color: colors[i] } }; }),
        label: { show: true, position: 'insideTop', color: '#fff', formatter: function (p) { return fmt(p.value); } } },
      whiskers('95% 置信区间', cis.map(function (ci, i) { return ci ? [i, ci[0], ci[1]] : null; }).filter(Boolean), '#333')
    ];
    return o;
  }

  // Means before and after training, per group.
  function meansChart(metric) {
    var s = metric.stats;
    var o = base('培训前后均值');
    o.legend = { bottom: 0 };
    o.xAxis = { type: 'category', data: ['培训前', '培训后'] };
    o.yAxis = { type: 'value', scale: true, axisLabel: { formatter: fmt } };
    o.series = [{ type: 'bar', name: '训练组', data: [s.mean_before, s.mean_after], itemStyle: { color: TREAT } }];
    if (s.control && s.control.n > 0) {
      o.series.push({ type: 'bar', name: '对照组', data: [s.control.mean_before, s.control.mean_after], itemStyle: { color: CONTROL } });
    }
    return o;
  }

  // One line per unit from its before to its after value.
  function slopeChart(metric) {
    var o = base('各' + report.study.unitKindZh + '培训前后变化');
    o.tooltip = { trigger: 'item', formatter: namedPointTooltip };
    o.xAxis = { type: 'category', data: ['培训前', '培训后'], boundaryGap: false };
    o.yAxis = { type: 'value', scale: true, axisLabel: { formatter: fmt } };
    o.series = metric.units.filter(function (u) { return u.before !== null && u.after !== null; }).map(function (u) {
      var color = u.group === 'treatment' ? TREAT : CONTROL;
      return { type: 'line', name: u.unit, data: [u.before, u.after], symbolSize: 5,
        lineStyle: { color: color, width: 1.2, opacity: 0.8 }, itemStyle: { color: color } };
    });
    return o;
  }

  // Group means over time and the trained group's counterfactual path.
  function didChart(metric) {
    var s = metric.stats, c = s.control;
    var o = base('双重差分：两组均值走势');
    o.legend = { bottom: 0 };
    o.xAxis = { type: 'category', data: ['培训前', '培训后'], boundaryGap: false };
    o.yAxis = { type: 'value', scale: true, axisLabel: { formatter: fmt } };
    o.series = [
      { type: 'line', name: '训练组', data: [s.mean_before, s.mean_after], itemStyle: { color: TREAT }, lineStyle: { width: 3 } },
      { type: 'line', name: '对照组', data: [c.mean_before, c.mean_after], itemStyle: { color: CONTROL }, lineStyle: { width: 3 } },
      { type: 'line', name: '训练组若未培训（按对照组变化推算）',
        data: [s.mean_before, s.mean_before + (c.mean_after - c.mean_before)],
        itemStyle: { color: DID }, lineStyle: { type: 'dashed', width: 2 } }
    ];
    return o;
  }

  function knowledgeChart(pair) {
    var o = base('学员课前测与课后测得分（%）');
    o.tooltip = { trigger: 'item', formatter: namedPointTooltip };
    o.xAxis = { type: 'category', data: [pair.preTitle, pair.postTitle], boundaryGap: false };
    o.yAxis = { type: 'value', min: 0, max: 100 };
    o.series = pair.learners.map(function (l) {
      return { type: 'line', name: l.name, data: [l.pre, l.post], symbolSize: 6, lineStyle: { color: TREAT, opacity: 0.75 }, itemStyle: { color: TREAT } };
    });
    return o;
  }

  function reactionChart(survey) {
    var o = base(survey.title + '：各题平均分');
    o.grid.left = 200;
    o.xAxis = { type: 'value', min: 0, max: Math.max.apply(null, survey.items.map(function (i) { return i.scale; })) };
    o.yAxis = { type: 'category', inverse: true, data: survey.items.map(function (i) { return i.prompt.replace(/（.*?）/g, '').slice(0, 14); }) };
    o.series = [{ type: 'bar', name: '平均分', data: survey.items.map(function (i) { return i.mean; }), itemStyle: { color: TREAT },
      label: { show: true, position: 'right', formatter: function (p) { return fmt(p.value); } } }];
    return o;
  }

  var builders = {
    change: function (el) { return changeChart(report.business.metrics[+el.dataset.index]); },
    means: function (el) { return meansChart(report.business.metrics[+el.dataset.index]); },
    slope: function (el) { return slopeChart(report.business.metrics[+el.dataset.index]); },
    did: function (el) { return didChart(report.business.metrics[+el.dataset.index]); },
    knowledge: function (el) { return knowledgeChart(report.knowledge.pairs[+el.dataset.index]); },
    reaction: function (el) { return reactionChart(report.reaction.surveys[+el.dataset.index]); }
  };

  globalThis.QunxueChartOptions = function (data, kind, index) {
    report = data;
    return builders[kind]({ dataset: { index: String(index) } });
  };
})();
