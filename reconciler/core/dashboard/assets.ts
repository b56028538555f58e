/**
 * The site's stylesheet and its one small script. The tables are complete
 * HTML without the script; it adds sorting, the fleet's filters and search,
 * the charts (Chart.js, when the page loads it) and reloading when the data
 * changes (served over HTTP).
 */

/** Okabe and Ito's palette: told apart with every common colour-vision deficiency. */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];

const widths = Array.from({ length: 21 }, (_, i) => `.fill.w${i * 5}{width:${i * 5}%}`).join("");

export const STYLESHEET = `:root{--fg:#1b1b1b;--muted:#555;--bg:#fff;--line:#c8c8c8;--accent:#0b5cad;--stable:#1a6e3a;--minor:#7a4b00;--critical:#a1121b}
*{box-sizing:border-box}
[hidden]{display:none !important}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
header{display:flex;flex-wrap:wrap;gap:4px 24px;align-items:center;padding:8px 24px;border-bottom:1px solid var(--line)}
header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
header .brand{margin:0;font-weight:700}.brand a{text-decoration:none}
[aria-current=page]{font-weight:700;text-decoration:underline}
main{padding:8px 24px 24px;max-width:1400px}
footer{padding:8px 24px;border-top:1px solid var(--line);color:var(--muted);font-size:13px}
h1{font-size:24px;margin:12px 0}h2{font-size:18px;margin:0}
.crumbs{margin:8px 0 0;font-size:14px}
.totals{list-style:none;padding:0;display:flex;gap:24px;flex-wrap:wrap}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;margin:8px 0}
.filters label{display:block;font-size:13px;color:var(--muted)}
.filters input,.filters select{font:inherit;padding:3px 6px}
#fleet-count{margin:0;color:var(--muted)}
section{margin:20px 0}
.table-head{display:flex;gap:16px;align-items:baseline;margin-bottom:6px}
.csv{font-size:13px}
.table-wrap{overflow-x:auto}
table.data{border-collapse:collapse;width:100%;font-size:14px}
table.data th,table.data td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.data th{background:#f2f2f2;white-space:nowrap}
.num{text-align:right}
th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th button::after{content:" ↕";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" ↑"}th[aria-sort=descending] button::after{content:" ↓"}
.badge{display:inline-block;padding:0 6px;border:1px solid currentColor;border-radius:3px;font-size:13px;white-space:nowrap}
.drift-stable,.run-succeeded,.run-no-changes{color:var(--stable)}
.drift-minor_drift{color:var(--minor)}
.drift-critical_drift,.run-failed,.run-abandoned,.run-refused{color:var(--critical);font-weight:700}
.drift-unknown,.run-running{color:var(--muted)}
h1 .badge{font-size:15px;vertical-align:middle}
.count{color:var(--muted);font-size:13px}
.warn{color:var(--critical)}
.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:4px 24px;margin:12px 0}
.summary dt{font-size:13px;color:var(--muted)}.summary dd{margin:0}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}.wrap{word-break:break-all}
ul.changes{margin:0;padding-left:16px}
.quotas{list-style:none;padding:0;max-width:640px}
.quotas li{margin:6px 0}
.quota-label{display:block;font-size:14px}
.bar{display:block;height:12px;border:1px solid #444;background:#fff}
.fill{display:block;height:100%;background:#0072B2}
.bar.near .fill{background:#E69F00}.bar.over .fill{background:#D55E00}
${widths}
.chart{margin:16px 0}.chart-box{position:relative;height:320px;max-width:900px}
figcaption{font-size:13px;color:var(--muted)}
.empty{color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{header nav,.filters,.csv,.skip{display:none}body{font-size:11px}a{color:inherit;text-decoration:none}.chart-box{height:260px}table.data th{background:none}}
`;

export const SCRIPT = `"use strict";
(function () {
  var PALETTE = ${JSON.stringify(PALETTE)};
  var DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4], [4, 4], [3, 6]];
  var POINTS = ["circle", "rect", "triangle", "rectRot", "cross", "star", "crossRot", "line"];
  function text(td) {
    return td.dataset.value !== undefined ? td.dataset.value : td.textContent.trim();
  }
  function sortKey(td) {
    var s = td.dataset.sort;
    if (s === undefined) return td.textContent.trim().toLowerCase();
    var n = Number(s);
    return s !== "" && !isNaN(n) ? n : s;
  }
  function makeSortable(table) {
    var ths = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(ths, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(ths, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[col]), y = sortKey(b.cells[col]);
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return dir === "ascending" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function makeFilterable(table) {
    var form = document.getElementById("fleet-filters");
    if (!form) return;
    form.hidden = false;
    var count = document.getElementById("fleet-count");
    var controls = form.querySelectorAll("[data-filter]");
    function apply() {
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = true;
        Array.prototype.forEach.call(controls, function (c) {
          var v = c.value.trim().toLowerCase();
          if (!v) return;
          if (c.dataset.filter === "search") {
            ok = ok && row.textContent.toLowerCase().indexOf(v) !== -1;
          } else {
            ok = ok && text(row.cells[Number(c.dataset.filter)]).toLowerCase() === v;
          }
        });
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " environments";
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  function drawCharts() {
    var data = document.getElementById("chart-data");
    if (!data || typeof window.Chart !== "function") return;
    var d = JSON.parse(data.textContent);
    [["chart-funding", d.bySource], ["chart-experiment", d.byExperiment]].forEach(function (c) {
      var canvas = document.getElementById(c[0]);
      if (!canvas) return;
      new window.Chart(canvas, {
        type: d.months.length < 3 ? "bar" : "line",
        data: {
          labels: d.months,
          datasets: c[1].map(function (s, i) {
            var colour = PALETTE[i % PALETTE.length];
            return { label: s.label, data: s.values, borderColor: colour, backgroundColor: colour,
              borderDash: DASHES[i % DASHES.length], pointStyle: POINTS[i % POINTS.length], pointRadius: 5, borderWidth: 2 };
          })
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, title: { display: true, text: "USD per month" } } },
          plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } }
        }
      });
      canvas.dataset.drawn = "true";
    });
  }
  function liveReload() {
    if (location.protocol !== "http:" && location.protocol !== "https:") return;
    var build = document.body.dataset.build;
    setInterval(function () {
      fetch(document.body.dataset.root + "build.json", { cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) { if (j && j.build !== build) location.reload(); })
        .catch(function () {});
    }, 3000);
  }
  document.querySelectorAll("table.data").forEach(function (t) {
    makeSortable(t);
    if (t.classList.contains("filterable")) makeFilterable(t);
  });
  drawCharts();
  liveReload();
})();
`;
