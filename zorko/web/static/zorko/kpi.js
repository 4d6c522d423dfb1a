/* KPI chart: plan against actual share checked per month (Chart.js served from /static/vendor). */
(function () {
  "use strict";
  var canvas = document.getElementById("kpi-chart");
  var data = document.getElementById("kpi-data");
  if (!canvas || !data || typeof Chart === "undefined") { return; }
  var kpi = JSON.parse(data.textContent);
  // KPI 2 is a share (0–100 %); KPI 1 (/program/training/kpi/) a head count, with its own labels.
  var unit = kpi.unit === undefined ? " %" : kpi.unit;
  var yScale = {min: 0, ticks: {callback: function (v) { return v + unit; }}};
  if (kpi.unit === undefined) { yScale.max = 100; }
  window.zorkoKpiChart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: kpi.labels,
      datasets: [
        {type: "line", label: kpi.plan_label || "План, %", data: kpi.plan, borderColor: "#c0392b", backgroundColor: "#c0392b",
         tension: 0},
        {type: "bar", label: kpi.actual_label || "Проверено, %", data: kpi.actual, backgroundColor: "#3b7dd8"}
      ]
    },
    options: {scales: {y: yScale},
              plugins: {legend: {position: "bottom"}}}
  });
  var orgCanvas = document.getElementById("kpi-org-chart");
  if (orgCanvas && kpi.organisations && kpi.organisations.labels.length) {
    var orgs = kpi.organisations;
    window.zorkoKpiOrgChart = new Chart(orgCanvas, {
      type: "bar",
      data: {
        labels: orgs.labels,
        datasets: [
          {label: orgs.actual_label || "Проверено, %", data: orgs.actual, backgroundColor: orgs.actual.map(function (v) {
            return v >= orgs.plan ? "#4a7c59" : "#c0392b"; })},
          {label: "План, %", data: orgs.labels.map(function () { return orgs.plan; }),
           backgroundColor: "rgba(0,0,0,0.12)"}
        ]
      },
      options: {indexAxis: "y", scales: {x: {min: 0, max: 100}}, plugins: {legend: {position: "bottom"}}}
    });
  }
})();
