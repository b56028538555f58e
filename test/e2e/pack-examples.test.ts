// A pack's example notebooks, the whole way: published with the pack, vendored with it
// (checked against its signed listing), built into the environment's image from the build
// context, and placed in the home by the container's first start — never over a researcher's file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";
import {
  makeConsumer,
  notebook,
  serveRegistry,
  writeExamples,
  writePack,
  type RegistryServer,
} from "../helpers/pack-registry.js";
import { git } from "./temp-git-repo.js";

const at = (minute: number) => ({
  now: new Date(Date.parse("2026-11-23T12:00:00Z") + minute * 60_000),
});
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const HOME = ".labenv/sandbox/efs/labs/genomics-core/environments/rnaseq";

async function must(args: string[], minute = 0): Promise<string> {
  const r = await runCli(args, at(minute));
  if (r.code !== 0) throw new Error(`labenv ${args.join(" ")}: ${r.code}\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

let publisher: string;
let site: string;
let keyFile: string;
let publicKey: string;
let server: RegistryServer;

async function publish(): Promise<void> {
  await must(["packs", "index", "--repo", publisher]);
  await must([
    "packs",
    "publish",
    "--repo",
    publisher,
    "--out",
    site,
    "--key",
    keyFile,
    "--key-id",
    "optics-2026",
  ]);
}

beforeAll(async () => {
  publisher = copyExampleRepo();
  writePack(publisher, "optics", "1.0.0");
  writeExamples(publisher, "optics", "1.0.0", {
    "intro.ipynb": notebook("Optics: first steps"),
    "fit.ipynb": notebook("Fitting a lens"),
  });
  keyFile = join(mkdtempSync(join(tmpdir(), "labenv-keys-")), "optics.pem");
  publicKey = (
    JSON.parse(
      await must(["packs", "keygen", "--id", "optics-2026", "--out", keyFile, "--json"]),
    ) as {
      publicKey: string;
    }
  ).publicKey;
  site = mkdtempSync(join(tmpdir(), "labenv-site-optics-"));
  await publish();
  server = await serveRegistry(site);
});
afterAll(async () => server?.close());

function consumer(): string {
  const repo = makeConsumer(
    [{ name: "optics-rc", url: server.url }],
    [{ id: "optics-2026", publicKey }],
  );
  writeFileSync(join(repo, ".gitignore"), ".labenv/\n");
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "Example repository");
  return repo;
}

function useOptics(repo: string, range: string): void {
  const file = join(repo, RNASEQ);
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace(/domainPack: "[^"]+"/, `domainPack: "${range}"`),
  );
}

describe("a pack's example notebooks", () => {
  it("are vendored with the pack, built into the image and placed by the first start, keeping the researcher's file; a later start places nothing again", async () => {
    const repo = consumer();
    // rnaseq runs first on its own pack; its owner keeps a notebook named like one of the examples.
    await must(["reconcile", "--repo", repo], 1);
    mkdirSync(join(repo, HOME, "examples"), { recursive: true });
    writeFileSync(join(repo, HOME, "examples/fit.ipynb"), "my own fit, with results\n");

    const add = await must(["packs", "add", "optics@1.0.0", "--repo", repo]);
    expect(add).toContain("+ added optics@1.0.0 from optics-rc");
    expect(readFileSync(join(repo, "domain-packs/optics/1.0.0/examples/intro.ipynb"), "utf8")).toBe(
      notebook("Optics: first steps"),
    );
    expect(await must(["packs", "verify", "--repo", repo])).toContain(
      "1 from registries match their published checksums",
    );
    useOptics(repo, "optics@^1.0");
    await must(["lock", "genomics-core/rnaseq", "--repo", repo], 2);
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "rnaseq on optics");

    const plan = await must(["plan", "--repo", repo], 3);
    expect(plan).toMatch(
      /\+ build image genomics-core\/rnaseq: optics@1\.0\.0 .*, 2 example notebooks/,
    );
    await must(["reconcile", "--repo", repo], 4);
    expect(readFileSync(join(repo, HOME, "examples/intro.ipynb"), "utf8")).toBe(
      notebook("Optics: first steps"),
    );
    expect(readFileSync(join(repo, HOME, "examples/fit.ipynb"), "utf8")).toBe(
      "my own fit, with results\n",
    );
    const record = JSON.parse(readFileSync(join(repo, HOME, ".labenv/examples.json"), "utf8")) as {
      examples: Record<string, { outcome: string; pack: string }>;
    };
    expect(record.examples).toMatchObject({
      "intro.ipynb": { outcome: "placed", pack: "optics@1.0.0" },
      "fit.ipynb": { outcome: "kept", pack: "optics@1.0.0" },
    });

    // The researcher deletes the example; a new version of the pack starts a new container.
    rmSync(join(repo, HOME, "examples/intro.ipynb"));
    const recordBefore = readFileSync(join(repo, HOME, ".labenv/examples.json"), "utf8");
    writePack(publisher, "optics", "1.1.0");
    writeExamples(publisher, "optics", "1.1.0", {
      "intro.ipynb": notebook("Optics: first steps"),
      "fit.ipynb": notebook("Fitting a lens"),
    });
    await publish();
    const up = await must(["packs", "update", "--write", "--repo", repo], 5);
    expect(up).toContain("optics 1.0.0 → 1.1.0");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "optics 1.1.0");
    const second = await must(["reconcile", "--repo", repo], 6);
    expect(second).toMatch(/image genomics-core\/rnaseq/);
    expect(existsSync(join(repo, HOME, "examples/intro.ipynb"))).toBe(false);
    expect(readFileSync(join(repo, HOME, "examples/fit.ipynb"), "utf8")).toBe(
      "my own fit, with results\n",
    );
    expect(readFileSync(join(repo, HOME, ".labenv/examples.json"), "utf8")).toBe(recordBefore);
  }, 240_000);

  it("a researcher's file named `examples` is kept, and the container starts without placing anything", async () => {
    const repo = consumer();
    await must(["reconcile", "--repo", repo], 1);
    writeFileSync(join(repo, HOME, "examples"), "my notes, not a directory\n");
    await must(["packs", "add", "optics@1.0.0", "--repo", repo]);
    useOptics(repo, "optics@^1.0");
    await must(["lock", "genomics-core/rnaseq", "--repo", repo], 2);
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "rnaseq on optics");
    await must(["reconcile", "--repo", repo], 3);
    expect(readFileSync(join(repo, HOME, "examples"), "utf8")).toBe("my notes, not a directory\n");
    expect(existsSync(join(repo, HOME, ".labenv/examples.json"))).toBe(false);
  }, 240_000);

  it("a vendored example edited afterwards is refused by packs verify and validate, and holds back only its environments", async () => {
    const repo = consumer();
    await must(["packs", "add", "optics@1.0.0", "--repo", repo]);
    const path = join(repo, "domain-packs/optics/1.0.0/examples/intro.ipynb");
    writeFileSync(path, readFileSync(path, "utf8").replace("first steps", "first stepz"));
    const verify = await runCli(["packs", "verify", "--repo", repo]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(
      /✖ domain-packs\/optics\/1\.0\.0\/examples\/intro\.ipynb has sha256 sha256:[0-9a-f]{64}, not the sha256:[0-9a-f]{64} spec\.examples lists/,
    );
    expect(verify.stdout).toContain("the vendored notebook was changed after it was published");
    const validate = await runCli(["validate", repo, "--json"]);
    expect(validate.code).toBe(1);
    const findings = (
      JSON.parse(validate.stdout) as { diagnostics: { file: string; code: string; path: string }[] }
    ).diagnostics.filter((d) => d.code === "pack-example");
    expect(findings).toEqual([
      expect.objectContaining({
        file: "domain-packs/optics/1.0.0/pack.yaml",
        path: "spec.examples[0].sha256",
      }),
    ]);
  });

  it("a registry serving an example other than its signed listing is refused, nothing written", async () => {
    const repo = consumer();
    const served = join(site, "optics/1.0.0/examples/fit.ipynb");
    const original = readFileSync(served, "utf8");
    writeFileSync(served, notebook("Fitting a lens, with a payload"));
    try {
      const r = await runCli(["packs", "add", "optics@1.0.0", "--repo", repo]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("refusing optics@1.0.0: its example fit.ipynb has sha256");
      expect(r.stderr).toContain("(pack-example,");
      expect(existsSync(join(repo, "domain-packs/optics"))).toBe(false);
    } finally {
      writeFileSync(served, original);
    }
  });

  it("packs publish writes each version's examples beside its pack.yaml", () => {
    const index = parse(readFileSync(join(site, "registry.yaml"), "utf8")) as {
      spec: { packs: Record<string, unknown> };
    };
    expect(index.spec.packs.optics).toBeDefined();
    expect(readFileSync(join(site, "optics/1.0.0/examples/fit.ipynb"), "utf8")).toBe(
      notebook("Fitting a lens"),
    );
  });
});
