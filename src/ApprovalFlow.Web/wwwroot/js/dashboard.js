// Draws the dashboard's charts (Chart.js) from the JSON the page embeds. The tables beside them hold the same
// numbers, so the page is complete without this script; the charts and the budget switch appear only when it runs.
(() => {
  "use strict";
  const source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") return;

  const data = JSON.parse(source.textContent);
  const colors = {
    proposed: "#0d6efd",
    recommended: "#fd7e14",
    approved: "#198754",
    overdue: "#dc3545",
    onTime: "#0dcaf0",
    completed: "#20c997",
    cancelled: "#adb5bd",
  };
  // Growing bars are decoration: people who ask their system for less motion get the final picture at once.
  const animation = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined;
  let measure = "planYear";
  const drawn = [];

  // Agency names and step titles are long: Chart.js draws an array label as several lines.
  const wrap = (label, width = 28) => {
    const lines = [];
    let line = "";
    for (const word of label.split(" ")) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
    return lines;
  };

  // Budget charts carry both measures; only the chosen one is drawn.
  const datasets = (spec) =>
    spec.series
      .filter((s) => !s.measure || s.measure === measure)
      .map((s) => ({ label: s.label, data: s.values, backgroundColor: colors[s.key] || "#6c757d", maxBarThickness: 48 }));

  const height = (spec) => {
    if (!spec.horizontal) return 320;
    const perLabel = spec.stacked ? 36 : 16 * datasets(spec).length + 16;
    return Math.max(200, spec.labels.length * perLabel + 90);
  };

  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    const spec = data.charts[canvas.dataset.chart];
    if (!spec) continue;
    const wrapper = canvas.parentElement;
    wrapper.hidden = false;
    wrapper.style.position = "relative";
    wrapper.style.height = `${height(spec)}px`;
    const value = { stacked: spec.stacked, beginAtZero: true, ticks: spec.counts ? { precision: 0 } : {} };
    const category = { stacked: spec.stacked };
    const chart = new Chart(canvas, {
      type: "bar",
      data: { labels: spec.labels.map((l) => wrap(l)), datasets: datasets(spec) },
      options: {
        locale: data.locale,
        animation,
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        scales: spec.horizontal ? { x: value, y: category } : { x: category, y: value },
        plugins: { legend: { position: "bottom" } },
      },
    });
    drawn.push({ chart, spec });
  }

  const switcher = document.querySelector("[data-measure-switch]");
  if (switcher && drawn.length > 0) {
    switcher.hidden = false;
    switcher.addEventListener("change", (event) => {
      measure = event.target.value;
      for (const { chart, spec } of drawn.filter((d) => d.spec.series.some((s) => s.measure))) {
        chart.data.datasets = datasets(spec);
        chart.update();
      }
    });
  }

  // With the script, picking a request is enough; the button stays for those without it.
  const filter = document.querySelector("[data-dashboard-filter] select");
  filter?.addEventListener("change", () => filter.form.requestSubmit());
})();
