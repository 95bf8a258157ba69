// Live totals for the proposal editor: section IV and each task's split are recomputed while typing.
// Parsing mirrors the server's (ApprovalFlow.Budget.Amounts): strict digit grouping, "," decimals in Vietnamese.
(() => {
  "use strict";
  const form = document.getElementById("proposal-editor");
  if (!form) return;

  const vietnamese = form.dataset.culture !== "en";
  const pattern = vietnamese ? /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/ : /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
  const format = new Intl.NumberFormat(vietnamese ? "vi-VN" : "en-US", { maximumFractionDigits: 3 });

  /** The amount typed, 0 when blank, NaN when not a number. Sums stay exact in thousandths of a million. */
  const parse = (text) => {
    const t = (text || "").replace(/[\s\u00a0]/g, "");
    if (t === "") return 0;
    if (!pattern.test(t)) return NaN;
    const normal = vietnamese ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
    return Math.round(Number(normal) * 1000);
  };
  const show = (thousandths) => (Number.isNaN(thousandths) ? "?" : format.format(thousandths / 1000));
  const field = (task, name) => task.querySelector(`[data-field="${name}"]`);

  const cell = (text, className) => {
    const td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    return td;
  };

  function update() {
    const body = document.querySelector("#live-summary tbody");
    body.replaceChildren();
    let periodTotal = 0;
    let planYearTotal = 0;
    document.querySelectorAll("[data-task]").forEach((task, i) => {
      const total = parse(field(task, "total").value);
      const planYear = parse(field(task, "planYearNeed").value);
      periodTotal += total;
      planYearTotal += planYear;

      const start = field(task, "startYear").value;
      const end = field(task, "endYear").value;
      const source = field(task, "fundingSource").selectedOptions[0];
      const row = document.createElement("tr");
      row.append(
        cell(String(i + 1), "text-center"),
        cell(field(task, "name").value),
        cell(start === end ? start : `${start} - ${end}`, "text-center"),
        cell(show(total), "text-end"),
        cell(show(planYear), "text-end"),
        cell(source && source.value ? source.dataset.short : ""));
      body.append(row);

      const splits = [...task.querySelectorAll('[data-field="split"]')];
      const typed = splits.filter((s) => s.value.trim() !== "");
      const splitSum = typed.reduce((sum, s) => sum + parse(s.value), 0);
      const indicator = task.querySelector("[data-split-sum]");
      indicator.textContent = typed.length === 0 ? "" : `Σ ${show(splitSum)} / ${show(total)}`;
      indicator.classList.toggle("text-danger", typed.length > 0 && splitSum !== total);
    });
    document.querySelector('[data-testid="live-period-total"]').textContent = show(periodTotal);
    document.querySelector('[data-testid="live-plan-year-total"]').textContent = show(planYearTotal);
  }

  // Warn before leaving with unsaved typing; structural buttons and save post the form, so they are exempt.
  let dirty = false;
  form.addEventListener("input", () => { dirty = true; update(); });
  form.addEventListener("change", update);
  form.addEventListener("submit", () => { dirty = false; });
  window.addEventListener("beforeunload", (e) => { if (dirty) e.preventDefault(); });
  update();
})();
