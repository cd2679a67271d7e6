// Draws every element carrying data-chart in the exported HTML report from
// the report JSON in #report-data (options: chart-options.js).
(function () {
  'use strict';
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(globalThis.QunxueChartOptions(report, el.dataset.chart, +el.dataset.index));
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.dataset.chartsReady = String(charts.length);
})();
