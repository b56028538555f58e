import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo, repoRoot } from "../helpers/example-repo.js";

function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { host } : {} }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("labenv dashboard", () => {
  it("writes the site for a repository that is not a git checkout, saying history is missing", async () => {
    const dir = copyExampleRepo();
    const r = await runCli(["dashboard", "--repo", dir, "--out", "out", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const written = JSON.parse(r.stdout) as { out: string; files: string[] };
    expect(written.files).toContain("index.html");
    expect(written.files).toContain("assets/chart.umd.min.js");
    expect(existsSync(join(dir, "out/environments/genomics-core/rnaseq.html"))).toBe(true);
    expect(readFileSync(join(dir, "out/index.html"), "utf8")).toContain(
      "git history not available",
    );
    // Chart.js ships with the site: no page loads anything from elsewhere.
    for (const f of written.files.filter((p) => p.endsWith(".html")))
      expect(readFileSync(join(dir, "out", f), "utf8")).not.toMatch(
        /(src|href)="(https?:)?\/\/(?!github\.com)/,
      );
  });

  it("refuses an unknown lab, a non-loopback address and a bad port, writing nothing", async () => {
    const dir = copyExampleRepo();
    const lab = await runCli(["dashboard", "--repo", dir, "--lab", "astro"]);
    expect(lab.code).toBe(2);
    expect(lab.stderr).toContain("there is no lab astro");
    expect(lab.stderr).toContain("climate-dynamics, genomics-core, ml-vision");
    const host = await runCli(["dashboard", "--repo", dir, "--serve", "--host", "0.0.0.0"]);
    expect(host.code).toBe(2);
    expect(host.stderr).toContain("loopback addresses only, not 0.0.0.0");
    const port = await runCli(["dashboard", "--repo", dir, "--port", "http"]);
    expect(port.code).toBe(2);
    expect(existsSync(join(dir, "site"))).toBe(false);
  });

  it("--serve serves the site on 127.0.0.1, refuses other hosts, and stops on SIGTERM", async () => {
    const dir = copyExampleRepo();
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, "bin/labenv.mjs"),
        "dashboard",
        "--repo",
        dir,
        "--serve",
        "--port",
        "0",
        "--json",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          const line = out.split("\n").find((l) => l.startsWith("{"));
          if (line) resolve((JSON.parse(line) as { url: string }).url);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await get(url);
      expect(index.status).toBe(200);
      expect(index.body).toContain("<h1>Fleet</h1>");
      expect((await get(`${url}build.json`)).body).toMatch(/"build":"[0-9a-f]{16}"/);
      expect((await get(`${url}nope.html`)).status).toBe(404);
      expect((await get(url, "attacker.example:80")).status).toBe(421);
    } finally {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  }, 60_000);
});
