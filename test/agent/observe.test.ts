import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { drift } from "../../reconciler/core/drift/drift.js";
import { effectiveRules } from "../../reconciler/core/drift/severity-rules.js";
import type { EnvironmentLock, Observation } from "../../reconciler/core/model/documents.js";
import { repoRoot } from "../helpers/example-repo.js";

const AGENT = join(repoRoot, "reconciler/agent/observe.py");
const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], {
  encoding: "utf8",
}).trim();
const FIXTURES = join(repoRoot, "test/fixtures/drift/agent");
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(readFileSync(join(repoRoot, "schemas/observation.schema.json"), "utf8")),
  );
}

function agent(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, [AGENT, ...args], {
    encoding: "utf8",
    env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), "home-")), ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fake container: site-packages with dist-info directories, kernels, labextensions and Jupyter config. */
function fakeContainer(): {
  root: string;
  site: string;
  kernels: string;
  labext: string;
  etc: string;
  user: string;
} {
  const root = mkdtempSync(join(tmpdir(), "labenv-agent-"));
  const site = join(root, "lib/python3.11/site-packages");
  const dist = (
    name: string,
    version: string,
    opts: { installer?: string; requested?: boolean; metadataName?: string } = {},
  ) => {
    const d = join(site, `${name}-${version}.dist-info`);
    mkdirSync(d, { recursive: true });
    writeFileSync(
      join(d, "METADATA"),
      `Metadata-Version: 2.1\nName: ${opts.metadataName ?? name}\nVersion: ${version}\nSummary: test\n\nLong description\n`,
    );
    if (opts.installer) writeFileSync(join(d, "INSTALLER"), `${opts.installer}\n`);
    if (opts.requested) writeFileSync(join(d, "REQUESTED"), "");
    writeFileSync(join(d, "RECORD"), "");
  };
  dist("numpy", "1.26.4", { installer: "pip", requested: true });
  dist("charset_normalizer", "3.3.2", { installer: "pip", metadataName: "charset_normalizer" });
  dist("Requests", "2.32.3", { installer: "pip", requested: true });
  dist("ruamel.yaml", "0.18.6", { installer: "conda" });
  mkdirSync(join(site, "legacy_pkg-1.0.egg-info"), { recursive: true });
  writeFileSync(
    join(site, "legacy_pkg-1.0.egg-info/PKG-INFO"),
    "Metadata-Version: 1.1\nName: legacy_pkg\nVersion: 1.0\n",
  );
  const kernels = join(root, "share/jupyter/kernels");
  const kernel = (name: string, spec: object) => {
    mkdirSync(join(kernels, name), { recursive: true });
    writeFileSync(join(kernels, name, "kernel.json"), JSON.stringify(spec));
  };
  kernel("python3", {
    argv: ["python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
    display_name: "Python 3 (ipykernel)",
    language: "python",
  });
  kernel("ir", {
    argv: ["R", "--slave", "-e", "IRkernel::main()", "--args", "{connection_file}"],
    display_name: "R 4.4.1",
    language: "R",
  });
  kernel("bash", { argv: ["python", "-m", "bash_kernel"], display_name: "Bash", language: "bash" });
  const labext = join(root, "share/jupyter/labextensions");
  const ext = (dir: string, name: string, version: string) => {
    mkdirSync(join(labext, dir), { recursive: true });
    writeFileSync(
      join(labext, dir, "package.json"),
      JSON.stringify({ name, version, jupyterlab: { extension: true } }),
    );
  };
  ext("@jupyter-widgets/jupyterlab-manager", "@jupyter-widgets/jupyterlab-manager", "5.0.13");
  ext("jupyterlab-git", "jupyterlab-git", "0.51.0");
  const etc = join(root, "etc/jupyter");
  const user = join(root, "home/.jupyter");
  mkdirSync(join(etc, "jupyter_server_config.d"), { recursive: true });
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(etc, "jupyter_server_config.d/labenv.json"),
    JSON.stringify({
      ServerApp: { shutdown_no_activity_timeout: 3600 },
      MappingKernelManager: { cull_idle_timeout: 1800 },
    }),
  );
  writeFileSync(
    join(etc, "jupyter_server_config.json"),
    JSON.stringify({
      ServerApp: { shutdown_no_activity_timeout: 7200.0 },
      FileContentsManager: { delete_to_trash: true },
    }),
  );
  writeFileSync(join(user, "jupyter_lab_config.py"), "c.LabApp.collaborative = True\n");
  return { root, site, kernels, labext, etc, user };
}

describe("the observation agent (python3, standard library only)", () => {
  let validate: ReturnType<typeof validator>;
  beforeAll(() => {
    validate = validator();
  });

  it("reads a site-packages tree, kernel directories, labextensions and config into a valid Observation", () => {
    const c = fakeContainer();
    const out = join(c.root, "out/observation.json");
    const r = agent([
      "--lab",
      "genomics-core",
      "--environment",
      "rnaseq",
      "--site-packages",
      c.site,
      "--kernel-dir",
      c.kernels,
      "--labextensions-dir",
      c.labext,
      "--config-dir",
      c.user,
      "--config-dir",
      c.etc,
      "--python-version",
      "3.11.9",
      "--task",
      "arn:aws:ecs:eu-west-1:000000000000:task/labenv/abc",
      "--host",
      "jupyter-1",
      "--observed-at",
      "2026-11-23T12:00:00Z",
      "--output",
      out,
    ]);
    expect(r.stderr).toContain("kernel bash skipped");
    expect(r.status).toBe(0);
    const o = JSON.parse(readFileSync(out, "utf8")) as Observation;
    expect(validate(o), JSON.stringify(validate.errors)).toBe(true);
    expect(o.metadata).toEqual({
      lab: "genomics-core",
      environment: "rnaseq",
      observedAt: "2026-11-23T12:00:00Z",
      source: "agent",
      task: "arn:aws:ecs:eu-west-1:000000000000:task/labenv/abc",
      host: "jupyter-1",
    });
    expect(o.spec.python).toBe("3.11.9");
    expect(
      o.spec.packages.map((p) => [p.name, p.version, p.installer ?? null, p.requested ?? null]),
    ).toEqual([
      ["charset-normalizer", "3.3.2", "pip", false],
      ["legacy-pkg", "1.0", null, null],
      ["numpy", "1.26.4", "pip", true],
      ["requests", "2.32.3", "pip", true],
      ["ruamel-yaml", "0.18.6", "conda", false],
    ]);
    expect(o.spec.packages.every((p) => p.location === c.site)).toBe(true);
    expect(o.spec.kernels).toEqual([
      { name: "ir", language: "R", displayName: "R 4.4.1" },
      { name: "python3", language: "python", displayName: "Python 3 (ipykernel)" },
    ]);
    expect(o.spec.extensions).toEqual([
      { name: "@jupyter-widgets/jupyterlab-manager", version: "5.0.13" },
      { name: "jupyterlab-git", version: "0.51.0" },
    ]);
    expect(o.spec.jupyterConfig.map((x) => x.key)).toEqual([
      join(c.user, "jupyter_lab_config.py"),
      "FileContentsManager.delete_to_trash",
      "MappingKernelManager.cull_idle_timeout",
      "ServerApp.shutdown_no_activity_timeout",
    ]);
  });

  it("hashes config values exactly as the lock does (the main file beats its .d drop-ins; 7200.0 is 7200)", () => {
    const c = fakeContainer();
    const r = agent([
      "--lab",
      "genomics-core",
      "--environment",
      "rnaseq",
      "--site-packages",
      c.site,
      "--kernel-dir",
      c.kernels,
      "--labextensions-dir",
      c.labext,
      "--config-dir",
      c.etc,
    ]);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout) as Observation;
    const lock = parse(
      readFileSync(
        join(repoRoot, "environments/genomics-core/rnaseq/environment.lock.yaml"),
        "utf8",
      ),
    ) as EnvironmentLock;
    expect(o.spec.jupyterConfig).toEqual(lock.spec.jupyterConfig);
  });

  it("reads `pip inspect` and `jupyter kernelspec list --json` outputs; drift then sees what the researcher did", () => {
    const c = fakeContainer();
    const r = agent([
      "--lab",
      "genomics-core",
      "--environment",
      "rnaseq",
      "--pip-inspect-file",
      join(FIXTURES, "pip-inspect.json"),
      "--kernelspec-file",
      join(FIXTURES, "kernelspec-list.json"),
      "--labextensions-dir",
      c.labext,
      "--config-dir",
      c.etc,
      "--observed-at",
      "2026-11-23T12:00:00Z",
      "--format",
      "yaml",
    ]);
    expect(r.status).toBe(0);
    const o = parse(r.stdout) as Observation;
    expect(validate(o), JSON.stringify(validate.errors)).toBe(true);
    expect(o.spec.python).toBe("3.11.9");
    expect(o.spec.packages.find((p) => p.name === "charset-normalizer")).toMatchObject({
      version: "3.3.2",
      requested: false,
      location: "/opt/jupyter/lib/python3.11/site-packages",
    });
    const lock = parse(
      readFileSync(
        join(repoRoot, "environments/genomics-core/rnaseq/environment.lock.yaml"),
        "utf8",
      ),
    ) as EnvironmentLock;
    const lab = parse(readFileSync(join(repoRoot, "environments/genomics-core/lab.yaml"), "utf8"));
    const report = drift({
      lock,
      observation: o,
      infra: { desired: [], observed: [] },
      rules: effectiveRules(lab),
    });
    expect(report.status).toBe("CRITICAL_DRIFT");
    expect(report.items.map((i) => `${i.item} ${i.name} ${i.change} ${i.severity}`)).toEqual([
      "package certifi added minor",
      "package charset-normalizer added minor",
      "package idna added minor",
      "package requests added minor",
      "package tqdm changed critical",
      "package urllib3 added minor",
      "kernel ir removed critical",
      "extension jupyterlab-git changed minor",
    ]);
    expect(report.ignored).toBe(3);
  });

  it("falls back to scanning kernel directories when jupyter is not on PATH, and names what it needs", () => {
    const c = fakeContainer();
    const r = agent(
      [
        "--lab",
        "genomics-core",
        "--environment",
        "rnaseq",
        "--site-packages",
        c.site,
        "--labextensions-dir",
        c.labext,
        "--config-dir",
        c.etc,
      ],
      { PATH: "/nonexistent", JUPYTER_PATH: join(c.root, "share/jupyter") },
    );
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Observation).spec.kernels.map((k) => k.name)).toEqual([
      "ir",
      "python3",
    ]);
    const bad = agent(["--environment", "rnaseq"], { LABENV_LAB: "" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--lab");
  });

  it("runs pip inspect on a real interpreter", () => {
    const hasInspect =
      spawnSync("python3", ["-m", "pip", "inspect"], { encoding: "utf8" }).status === 0;
    if (!hasInspect) return;
    const out = execFileSync(
      "python3",
      [
        AGENT,
        "--lab",
        "a",
        "--environment",
        "b",
        "--kernel-dir",
        "/nonexistent",
        "--labextensions-dir",
        "/nonexistent",
        "--config-dir",
        "/nonexistent",
      ],
      { encoding: "utf8" },
    );
    const o = JSON.parse(out) as Observation;
    expect(validate(o), JSON.stringify(validate.errors)).toBe(true);
    expect(o.spec.packages.some((p) => p.name === "pip")).toBe(true);
  });
});
