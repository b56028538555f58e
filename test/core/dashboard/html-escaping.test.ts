import { describe, expect, it } from "vitest";
import { pricesFor } from "../../../reconciler/core/cost/prices.js";
import { assembleDashboard } from "../../../reconciler/core/dashboard/assemble-dashboard.js";
import { buildSite } from "../../../reconciler/core/dashboard/build-site.js";
import { escapeHtml, html, jsonScript } from "../../../reconciler/core/dashboard/html.js";
import { cell, tableCsv } from "../../../reconciler/core/dashboard/table.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";

const ATTACK = `<script>alert("lab")</script><img src=x onerror="alert(1)">`;

describe("text from the repository never becomes markup", () => {
  it("escapes every interpolated value, in content and attributes", () => {
    expect(html`<p title="${ATTACK}">${ATTACK}</p>`.value).toBe(
      `<p title="${escapeHtml(ATTACK)}">${escapeHtml(ATTACK)}</p>`,
    );
    expect(escapeHtml(`'"&<>`)).toBe("&#39;&quot;&amp;&lt;&gt;");
    // Only html`` output is inserted as it is.
    expect(html`<div>${html`<b>${"<i>"}</b>`}</div>`.value).toBe("<div><b>&lt;i&gt;</b></div>");
  });

  it("keeps a JSON data block closed whatever its strings say", () => {
    const block = jsonScript("d", { label: `</script><script>alert(1)</script>`, sep: "\u2028" });
    expect(block.value).not.toMatch(/<\/script>.*<\/script>/s);
    expect(block.value.match(/<\/script>/g)).toHaveLength(1);
    const json = block.value.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    expect(JSON.parse(json)).toEqual({
      label: `</script><script>alert(1)</script>`,
      sep: "\u2028",
    });
  });

  it("writes a lab's display name, a member's name and a reason with markup as text on every page", () => {
    let files = editYaml(exampleFiles(), "environments/ml-vision/lab.yaml", (d) => {
      d.setIn(["metadata", "displayName"], ATTACK);
      d.setIn(["spec", "members", 0, "name"], ATTACK);
    });
    files = editYaml(
      files,
      "environments/genomics-core/rnaseq/snapshots/before-genomics-2.yaml",
      (d) => d.setIn(["spec", "reason"], ATTACK),
    );
    const { repository, diagnostics } = loadRepository(files, createSchemaValidator());
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(repository.labs.get("ml-vision")!.doc.metadata.displayName).toBe(ATTACK);
    const data = assembleDashboard({
      now: new Date("2026-12-03T12:00:00Z"),
      commit: "0".repeat(40),
      provider: "sandbox",
      repository,
      prices: pricesFor("eu-west-1"),
      applied: [],
      runs: [],
      observed: [],
      driftReports: new Map(),
      observedAt: new Map(),
    });
    const site = buildSite(data, { chartJs: "" });
    let seen = 0;
    for (const [path, text] of site) {
      if (!path.endsWith(".html")) continue;
      expect(text, path).not.toContain("<script>alert");
      expect(text, path).not.toContain("<img src=x");
      if (text.includes(escapeHtml(ATTACK))) seen++;
    }
    expect(seen).toBeGreaterThan(3); // the nav of every page names the lab
  });

  it("writes CSV a spreadsheet will not run as a formula", () => {
    const csv = tableCsv({
      id: "t",
      caption: "t",
      csv: "t.csv",
      columns: [{ label: "a" }, { label: "b" }],
      rows: [
        [cell(`=HYPERLINK("http://x")`), cell(`he said "hi", twice`)],
        [cell("-12.5"), cell("@SUM(A1)")],
      ],
    });
    expect(csv).toBe(
      `a,b\r\n"'=HYPERLINK(""http://x"")","he said ""hi"", twice"\r\n-12.5,'@SUM(A1)\r\n`,
    );
  });
});
