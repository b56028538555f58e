import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { runCli } from "../helpers/cli.js";
import {
  makeConsumer,
  makePublisher,
  resignIndex,
  serveRegistry,
  type Publisher,
  type RegistryServer,
} from "../helpers/pack-registry.js";

let pub: Publisher;
let server: RegistryServer;

beforeAll(async () => {
  pub = await makePublisher();
  server = await serveRegistry(pub.site);
});
afterAll(async () => server?.close());

const trusted = () => [{ id: pub.keyId, publicKey: pub.publicKey }];
const registry = (extra: Record<string, unknown> = {}) => ({
  name: "astro-rc",
  url: server.url,
  trust: ["verified", "community"],
  ...extra,
});
const packText = (repo: string, name: string, version: string) =>
  readFileSync(join(repo, "domain-packs", name, version, "pack.yaml"), "utf8");

describe("labenv packs publish", () => {
  it("writes an index with every version's checksum and signature, and the pack files", () => {
    const index = parse(readFileSync(join(pub.site, "registry.yaml"), "utf8")) as {
      spec: { packs: Record<string, { latest: string; versions: Record<string, unknown> }> };
    };
    expect(index.spec.packs.astro!.latest).toBe("1.3.0");
    expect(index.spec.packs.astro!.versions["1.2.0"]).toMatchObject({ yanked: true });
    expect(index.spec.packs.astro!.versions["1.1.0"]).toMatchObject({
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      signature: { keyId: pub.keyId, value: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/) },
    });
    expect(existsSync(join(pub.site, "astro/1.1.0/pack.yaml"))).toBe(true);
  });
});

describe("labenv packs browse", () => {
  it("lists a registry's packs with versions, trust and what is already vendored", async () => {
    const repo = makeConsumer([registry()], trusted());
    const r = await runCli(["packs", "browse", "--repo", repo]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`astro-rc  ${server.url}`);
    expect(r.stdout).toMatch(
      /astro\s+latest 1\.3\.0\s+verified\s+1\.0\.0 \(deprecated\), 1\.1\.0, 1\.2\.0 \(yanked\), 1\.3\.0/,
    );
    expect(r.stdout).toMatch(/chem\s+latest 0\.3\.0\s+community/);
    const json = JSON.parse((await runCli(["packs", "browse", "--repo", repo, "--json"])).stdout);
    expect(json[0].packs.find((p: { name: string }) => p.name === "chem")).toMatchObject({
      trust: "community",
      accepted: true,
      vendored: [],
    });
  });

  it("marks a trust level the registry is not trusted for", async () => {
    const repo = makeConsumer([registry({ trust: ["verified"] })], trusted());
    const r = await runCli(["packs", "browse", "--repo", repo]);
    expect(r.stdout).toMatch(
      /chem\s+latest 0\.3\.0\s+community \(not accepted from this registry\)/,
    );
  });

  it("says there is no registry configured", async () => {
    const repo = makeConsumer([], trusted());
    const r = await runCli(["packs", "browse", "--repo", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("labenv.yaml configures no pack registry");
  });
});

describe("labenv packs search --registry", () => {
  it("without --registry, searches domain-packs/ only and, when nothing there matches, names the registries to search", async () => {
    const repo = makeConsumer([registry()], trusted());
    const r = await runCli(["packs", "search", "astro", "--repo", repo]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      `no pack in domain-packs/ matches astro; \`labenv packs search astro --registry\` searches the registries (${registry().name})`,
    );
  });

  it("ranks the registries' packs by name, then description, and names a registry that is down", async () => {
    const down = await serveRegistry(pub.site);
    down.mode = "reset";
    try {
      const repo = makeConsumer(
        [registry({ trust: ["verified"] }), { name: "mirror", url: down.url }],
        trusted(),
      );
      const r = await runCli(["packs", "search", "stack", "--registry", "--repo", repo]);
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split("\n");
      // Every word only in the descriptions: equal scores, by name.
      expect(lines.slice(0, 3).map((l) => l.split(" ")[0])).toEqual([
        "astro@1.3.0",
        "chem@0.3.0",
        "genomics@2.1.0",
      ]);
      expect(lines[1]).toContain("community (not accepted from this registry)  (astro-rc)");
      expect(r.stdout).toContain("⚠ registry `mirror` was not searched:");
      // A word that is a pack's name ranks it first.
      const json = JSON.parse(
        (await runCli(["packs", "search", "chem", "--registry", "--repo", repo, "--json"])).stdout,
      );
      expect(json.hits.map((h: { name: string }) => h.name)).toEqual(["chem"]);
      expect(json.down.map((d: { registry: string }) => d.registry)).toEqual(["mirror"]);
      const only = await runCli([
        "packs",
        "search",
        "astro",
        "--registry",
        "mirror",
        "--repo",
        repo,
      ]);
      expect(only.code).toBe(2);
    } finally {
      await down.close();
    }
  });
});

describe("an unsigned registry", () => {
  it("is marked unsigned in search, and packs add needs --allow-unsigned even when labenv.yaml lets unsigned packs in", async () => {
    const site = mkdtempSync(join(tmpdir(), "labenv-site-unsigned-"));
    expect((await runCli(["packs", "publish", "--repo", pub.repo, "--out", site])).code).toBe(0);
    const unsigned = await serveRegistry(site);
    try {
      const repo = makeConsumer([{ name: "plain", url: unsigned.url }], [], {
        requireSignatures: false,
      });
      const found = await runCli(["packs", "search", "astro", "--registry", "--repo", repo]);
      expect(found.stdout).toMatch(/^astro@1\.3\.0\s+verified \(unsigned\)  \(plain\)/);
      const refused = await runCli(["packs", "add", "astro", "--repo", repo]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        "refusing astro@1.3.0: registry `plain` publishes it unsigned, so nothing proves who published it",
      );
      expect(refused.stderr).toContain("--allow-unsigned");
      expect(existsSync(join(repo, "domain-packs/astro"))).toBe(false);
      const added = await runCli([
        "packs",
        "add",
        "astro@1.1.0",
        "--allow-unsigned",
        "--repo",
        repo,
      ]);
      expect(added.stderr).toBe("");
      expect(added.code).toBe(0);
      expect(added.stdout).toContain("+ added astro@1.1.0 from plain (verified, unsigned)");
      expect(added.stdout).toContain("⚠ astro@1.1.0 is not signed");
      const outdated = await runCli(["packs", "outdated", "--repo", repo]);
      expect(outdated.stdout).toContain("↑ astro        1.1.0 → 1.3.0 (unsigned)  (plain)");
    } finally {
      await unsigned.close();
    }
  });
});

describe("labenv packs add", () => {
  it("vendors the highest non-yanked match with its source, checksum and signature; validate and packs verify accept it", async () => {
    const repo = makeConsumer([registry()], trusted());
    const r = await runCli(["packs", "add", "astro@^1.1", "--repo", repo]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `+ added astro@1.3.0 from astro-rc (verified, signed by ${pub.keyId}) → domain-packs/astro/1.3.0/pack.yaml`,
    );
    const vendored = parse(packText(repo, "astro", "1.3.0")) as {
      spec: { source: Record<string, unknown> };
    };
    const published = parse(readFileSync(join(pub.site, "registry.yaml"), "utf8")) as {
      metadata: { published: string };
      spec: { packs: { astro: { versions: Record<string, { checksum: string }> } } };
    };
    expect(vendored.spec.source).toEqual({
      registry: "astro-rc",
      url: `${server.url}astro/1.3.0/pack.yaml`,
      checksum: published.spec.packs.astro.versions["1.3.0"]!.checksum,
      signature: { keyId: pub.keyId, value: expect.any(String) },
      indexPublished: published.metadata.published,
    });
    // The local index lists it with the same checksum the registry published.
    const local = readFileSync(join(repo, "domain-packs/registry.yaml"), "utf8");
    expect(local).toContain(published.spec.packs.astro.versions["1.3.0"]!.checksum);
    const verify = await runCli(["packs", "verify", "--repo", repo]);
    expect(verify.stdout).toContain(
      "1 from registries match their published checksums and trusted signatures",
    );
    expect(verify.code).toBe(0);
    const v = await runCli(["validate", repo]);
    expect(v.stdout).toContain("0 errors");
    expect(v.code).toBe(0);
    // Adding it again changes nothing.
    const again = await runCli(["packs", "add", "astro@1.3.0", "--repo", repo]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("unchanged astro@1.3.0");
  });

  it("works with the registry down once vendored: validate reads only the repository", async () => {
    const repo = makeConsumer([registry()], trusted());
    expect((await runCli(["packs", "add", "astro@1.1.0", "--repo", repo])).code).toBe(0);
    server.mode = "reset";
    try {
      const down = await runCli(["packs", "add", "astro@1.3.0", "--repo", repo]);
      expect(down.code).toBe(2);
      expect(down.stderr).toContain("pack registry `astro-rc` is down or unreachable");
      expect(down.stderr).toContain("the connection was closed before the answer was complete");
      expect(down.stderr).toContain("the packs already in domain-packs/ keep working");
      expect(down.stderr).not.toContain("internal error");
      expect((await runCli(["validate", repo])).code).toBe(0);
      server.mode = "500";
      const busy = await runCli(["packs", "browse", "--repo", repo]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain("is down or unreachable");
      expect(busy.stderr).toContain("HTTP 503");
    } finally {
      server.mode = "ok";
    }
    expect(existsSync(join(repo, "domain-packs/astro/1.3.0"))).toBe(false);
  });

  it("a registry that never answers times out with the same message", async () => {
    server.mode = "hang";
    try {
      const { HostedRegistry } =
        await import("../../reconciler/adapters/pack-registry/hosted-registry.js");
      const { createSchemaValidator } =
        await import("../../reconciler/core/validate/schema-validator.js");
      const reg = new HostedRegistry(
        { name: "astro-rc", url: server.url },
        createSchemaValidator(),
        { timeoutMs: 300 },
      );
      await expect(reg.index()).rejects.toThrow(/is down or unreachable .*no answer within 0\.3 s/);
    } finally {
      server.mode = "ok";
    }
  });

  it("refuses a yanked version and says why; a deprecated one is added with a warning", async () => {
    const repo = makeConsumer([registry()], trusted());
    const yanked = await runCli(["packs", "add", "astro@1.2.0", "--repo", repo]);
    expect(yanked.code).toBe(2);
    expect(yanked.stderr).toContain("astro@1.2.0 is yanked in registry `astro-rc`");
    const old = await runCli(["packs", "add", "astro@1.0.0", "--repo", repo]);
    expect(old.code).toBe(0);
    expect(old.stdout).toContain("⚠ astro@1.0.0 is deprecated: move to `astro@^1.1`");
    const none = await runCli(["packs", "add", "astro@^3", "--repo", repo]);
    expect(none.stderr).toContain(
      "no non-yanked version of `astro` in registry `astro-rc` matches `^3` (published: 1.3.0, 1.2.0 (yanked), 1.1.0, 1.0.0)",
    );
  });

  it("refuses a pack whose trust level the registry is not trusted for", async () => {
    const repo = makeConsumer([registry({ trust: ["verified"] })], trusted());
    const r = await runCli(["packs", "add", "chem", "--repo", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "refusing chem@0.3.0: chem@0.3.0 is `community`, and registry `astro-rc` is trusted only for verified",
    );
    expect(existsSync(join(repo, "domain-packs/chem"))).toBe(false);
  });

  it("a lab's spec.packTrust: --lab refuses a version of another level; without it, add warns which labs cannot use it", async () => {
    const repo = makeConsumer([registry()], trusted());
    const lab = join(repo, "environments/genomics-core/lab.yaml");
    const doc = parseDocument(readFileSync(lab, "utf8"));
    doc.setIn(["spec", "packTrust"], ["verified"]);
    writeFileSync(lab, doc.toString());
    const refused = await runCli([
      "packs",
      "add",
      "chem",
      "--lab",
      "genomics-core",
      "--repo",
      repo,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "refusing chem@0.3.0 for lab `genomics-core`: it is `community`, and the lab allows only `verified` packs (spec.packTrust in environments/genomics-core/lab.yaml)",
    );
    expect(existsSync(join(repo, "domain-packs/chem"))).toBe(false);
    const verified = await runCli([
      "packs",
      "add",
      "astro",
      "--lab",
      "genomics-core",
      "--repo",
      repo,
    ]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).not.toContain("⚠");
    const added = await runCli(["packs", "add", "chem", "--repo", repo]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(
      "⚠ chem@0.3.0 is `community`: `genomics-core` does not allow it (spec.packTrust in lab.yaml), so its environments cannot use it",
    );
    const unknown = await runCli(["packs", "add", "chem", "--lab", "nolab", "--repo", repo]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("there is no lab `nolab`");
  });

  it("refuses a signature by a key labenv.yaml does not trust, and by a revoked key", async () => {
    const unknown = makeConsumer([registry()], []);
    const r = await runCli(["packs", "add", "astro", "--repo", unknown]);
    expect(r.code).toBe(2);
    // The index is signed by the same key: it is refused before any version is read.
    expect(r.stderr).toContain(
      `registry \`astro-rc\`'s index is signed by key \`${pub.keyId}\`, which is not in \`packTrust.keys\``,
    );
    const revoked = makeConsumer(
      [registry()],
      [{ ...trusted()[0], revoked: { reason: "laptop stolen", on: "2026-11-20" } }],
    );
    const rv = await runCli(["packs", "add", "astro", "--repo", revoked]);
    expect(rv.code).toBe(2);
    expect(rv.stderr).toContain(
      `registry \`astro-rc\`'s index is signed by key \`${pub.keyId}\`, revoked on 2026-11-20: laptop stolen`,
    );
    expect(existsSync(join(revoked, "domain-packs/astro"))).toBe(false);
  });

  it("refuses a pack name that already has another origin here", async () => {
    const repo = makeConsumer([registry()], trusted());
    const r = await runCli(["packs", "add", "genomics@2.1.0", "--repo", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "pack `genomics` in this repository is written here (domain-packs/genomics/",
    );
  });

  it("reads a registry from a file:// directory", async () => {
    const repo = makeConsumer(
      [{ name: "astro-files", url: pathToFileURL(pub.site).toString(), trust: ["verified"] }],
      trusted(),
    );
    const r = await runCli(["packs", "add", "astro@~1.1", "--repo", repo]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("+ added astro@1.1.0 from astro-files");
  });
});

describe("a registry kept in a git repository", () => {
  it("is read at a ref and directory with git, never checked out; a missing repository is down", async () => {
    const holder = mkdtempSync(join(tmpdir(), "labenv-registry-git-"));
    cpSync(pub.site, join(holder, "site"), { recursive: true });
    git(holder, "init", "-q", "-b", "main");
    git(holder, "add", "-A");
    git(holder, "commit", "-q", "-m", "publish");
    // A later commit that is not on the ref read changes nothing.
    writeFileSync(join(holder, "site/registry.yaml"), "not: a registry\n");
    const url = `git+${pathToFileURL(holder).toString()}#main:site`;
    const repo = makeConsumer([{ name: "astro-git", url, trust: ["verified"] }], trusted());
    const r = await runCli(["packs", "add", "astro@^1.1", "--repo", repo]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      `+ added astro@1.3.0 from astro-git (verified, signed by ${pub.keyId})`,
    );
    expect(packText(repo, "astro", "1.3.0")).toContain(
      `url: ${url.split("#")[0]}#main:site/astro/1.3.0/pack.yaml`,
    );
    const gone = makeConsumer(
      [{ name: "astro-git", url: `git+${pathToFileURL(join(holder, "nope")).toString()}#main` }],
      trusted(),
    );
    const down = await runCli(["packs", "browse", "--repo", gone]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain("pack registry `astro-git` is down or unreachable");
  });
});

describe("tampered registries", () => {
  it("refuses a pack file changed after it was signed, and a re-computed checksum whose signature fails", async () => {
    const tampered = await makePublisher();
    const file = join(tampered.site, "astro/1.3.0/pack.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace('scipy: "1.14.1"', 'scipy: "1.11.0"'));
    const evil = await serveRegistry(tampered.site);
    try {
      const repo = makeConsumer(
        [{ name: "astro-rc", url: evil.url }],
        [{ id: tampered.keyId, publicKey: tampered.publicKey }],
      );
      const r = await runCli(["packs", "add", "astro@1.3.0", "--repo", repo]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("astro@1.3.0 does not match the checksum `astro-rc` published");
      // The attacker also rewrites the index's checksum: the index's signature no longer verifies.
      const { packChecksum } = await import("../../reconciler/core/packs/checksum.js");
      const { parseDocument } = await import("yaml");
      const doc = parseDocument(readFileSync(file, "utf8"));
      const sum = packChecksum(doc.toJS());
      const index = join(tampered.site, "registry.yaml");
      const idx = parseDocument(readFileSync(index, "utf8"));
      idx.setIn(["spec", "packs", "astro", "versions", "1.3.0", "checksum"], sum);
      writeFileSync(index, idx.toString());
      const r2 = await runCli(["packs", "add", "astro@1.3.0", "--repo", repo]);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toContain(
        `registry \`astro-rc\`'s index's signature does not verify with key \`${tampered.keyId}\``,
      );
      expect(existsSync(join(repo, "domain-packs/astro"))).toBe(false);
    } finally {
      await evil.close();
    }
  });

  it("validate flags a vendored copy edited afterwards, and one whose key was revoked since", async () => {
    const repo = makeConsumer([registry()], trusted());
    expect((await runCli(["packs", "add", "astro@1.1.0", "--repo", repo])).code).toBe(0);
    const path = join(repo, "domain-packs/astro/1.1.0/pack.yaml");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, original.replace('scipy: "1.14.1"', 'scipy: "1.11.0"'));
    const edited = await runCli(["validate", repo]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(
      /domain-packs\/astro\/1\.1\.0\/pack\.yaml:\d+:\d+ error astro@1\.1\.0 does not match the checksum `astro-rc` published .*\[pack-checksum\]/,
    );
    const verify = await runCli(["packs", "verify", "--repo", repo]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(
      "✖ astro@1.1.0 does not match the checksum `astro-rc` published",
    );
    writeFileSync(path, original);
    const config = join(repo, "labenv.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace(
        `publicKey: ${pub.publicKey}`,
        `publicKey: ${pub.publicKey}\n        revoked: { reason: key leaked }`,
      ),
    );
    const revoked = await runCli(["validate", repo]);
    expect(revoked.code).toBe(1);
    expect(revoked.stdout).toContain(
      `signed by key \`${pub.keyId}\`, revoked: key leaked [pack-key-revoked]`,
    );
  });
});

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    },
  });
}

/** A consumer in git with astro@1.1.0 vendored: rnaseq on `astro@^1.1`, variant-calling pinned to 1.1.0. */
async function consumerOnAstro(): Promise<string> {
  const repo = makeConsumer([registry()], trusted());
  expect((await runCli(["packs", "add", "astro@1.1.0", "--repo", repo])).code).toBe(0);
  for (const [env, range] of [
    ["rnaseq", "astro@^1.1"],
    ["variant-calling", "astro@1.1.0"],
  ] as const) {
    const path = join(repo, "environments/genomics-core", env, "environment.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(/domainPack: "[^"]+"/, `domainPack: "${range}"`),
    );
  }
  const lock = await runCli([
    "lock",
    "genomics-core/rnaseq",
    "genomics-core/variant-calling",
    "--repo",
    repo,
  ]);
  expect(lock.stdout + lock.stderr).not.toContain("failed");
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "astro 1.1.0");
  return repo;
}

describe("labenv packs outdated and update", () => {
  it("outdated names the newer version, who moves and who is pinned; update opens a pull request that re-locks only those", async () => {
    const repo = await consumerOnAstro();
    const out = await runCli(["packs", "outdated", "--repo", repo]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("↑ astro        1.1.0 → 1.3.0  (astro-rc)");
    expect(out.stdout).toContain("genomics-core/rnaseq  astro@^1.1: 1.1.0 → 1.3.0");
    expect(out.stdout).toContain(
      "genomics-core/variant-calling  astro@1.1.0: 1.1.0 (pinned by its range)",
    );

    const up = await runCli(["packs", "update", "--repo", repo]);
    expect(up.stderr).toBe("");
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(
      "↑ astro 1.1.0 → 1.3.0 (astro-rc): created pull request #1 labenv/packs/astro",
    );
    expect(up.stdout).toContain("re-locked: genomics-core/rnaseq");
    expect(up.stdout).toContain("stays: genomics-core/variant-calling (astro@1.1.0 → 1.1.0)");
    // The working tree is untouched: the change is on the branch.
    expect(existsSync(join(repo, "domain-packs/astro/1.3.0"))).toBe(false);
    const onBranch = (path: string) => git(repo, "show", `labenv/packs/astro:${path}`);
    expect(onBranch("domain-packs/astro/1.3.0/pack.yaml")).toContain("registry: astro-rc");
    expect(onBranch("environments/genomics-core/rnaseq/environment.lock.yaml")).toMatch(
      /domainPack:\n\s+name: astro\n\s+version: 1\.3\.0/,
    );
    expect(
      git(repo, "diff", "--name-only", "main", "labenv/packs/astro").trim().split("\n"),
    ).toEqual([
      "domain-packs/astro/1.3.0/pack.yaml",
      "domain-packs/registry.yaml",
      "environments/genomics-core/rnaseq/environment.lock.yaml",
    ]);
    // Running it again changes nothing; merged, everything checks.
    const again = await runCli(["packs", "update", "--repo", repo]);
    expect(again.stdout).toContain("pull request #1 labenv/packs/astro");
    expect(again.stdout).not.toContain("created");
    expect((await runCli(["prs", "merge", "1", "--repo", repo])).code).toBe(0);
    expect((await runCli(["lock", "--check", "--repo", repo])).code).toBe(0);
    expect((await runCli(["validate", repo])).code).toBe(0);
    const after = await runCli(["packs", "outdated", "--repo", repo]);
    expect(after.stdout).toContain("astro        1.3.0 is the latest");
    expect(after.code).toBe(0);
  });

  it("--write puts the files in the working tree instead", async () => {
    const repo = await consumerOnAstro();
    const up = await runCli(["packs", "update", "astro", "--write", "--repo", repo]);
    expect(up.stdout).toContain("↑ astro 1.1.0 → 1.3.0 (astro-rc): wrote 3 files");
    expect(existsSync(join(repo, "domain-packs/astro/1.3.0/pack.yaml"))).toBe(true);
    expect((await runCli(["lock", "--check", "--repo", repo])).code).toBe(0);
  });

  it("a registry rolled back, a vendored version yanked upstream or changed upstream is reported, never followed", async () => {
    const repo = await consumerOnAstro();
    const site = mkdtempSync(join(tmpdir(), "labenv-site-rolled-"));
    cpSync(pub.site, site, { recursive: true });
    const index = join(site, "registry.yaml");
    const doc = parseDocument(readFileSync(index, "utf8"));
    doc.deleteIn(["spec", "packs", "astro", "versions", "1.3.0"]);
    doc.setIn(["spec", "packs", "astro", "latest"], "1.0.0");
    doc.setIn(["spec", "packs", "astro", "versions", "1.1.0", "yanked"], true);
    doc.setIn(
      ["spec", "packs", "astro", "versions", "1.1.0", "checksum"],
      `sha256:${"0".repeat(64)}`,
    );
    writeFileSync(index, doc.toString());
    resignIndex(site, pub);
    const rolled = await serveRegistry(site);
    try {
      const config = join(repo, "labenv.yaml");
      writeFileSync(config, readFileSync(config, "utf8").replace(server.url, rolled.url));
      const out = await runCli(["packs", "outdated", "--repo", repo]);
      expect(out.code).toBe(1);
      expect(out.stdout).toContain("⚠ astro@1.1.0 was yanked upstream");
      expect(out.stdout).toContain(
        "`astro-rc` now publishes astro@1.1.0 with another checksum than the vendored copy",
      );
      expect(out.stdout).toContain(
        "`astro-rc` offers astro only up to 1.0.0, below the vendored 1.1.0: labenv never moves down",
      );
      const up = await runCli(["packs", "update", "--repo", repo]);
      expect(up.stdout).toContain("✓ 1 vendored packs are up to date");
      expect(git(repo, "branch", "--list", "labenv/packs/*")).toBe("");
    } finally {
      await rolled.close();
    }
  });
});

describe("a signed registry index", () => {
  it("is refused when a mirror strips a yank mark, and used again once the publisher re-signs it", async () => {
    const site = mkdtempSync(join(tmpdir(), "labenv-site-stripped-"));
    cpSync(pub.site, site, { recursive: true });
    const index = join(site, "registry.yaml");
    expect(readFileSync(index, "utf8")).toMatch(/signature:\n\s+keyId: astro-rc-2026/);
    const doc = parseDocument(readFileSync(index, "utf8"));
    doc.deleteIn(["spec", "packs", "astro", "versions", "1.2.0", "yanked"]);
    writeFileSync(index, doc.toString());
    const mirror = await serveRegistry(site);
    try {
      const repo = makeConsumer([{ name: "astro-rc", url: mirror.url }], trusted());
      const r = await runCli(["packs", "add", "astro@1.2.0", "--repo", repo]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "registry `astro-rc`'s index's signature does not verify with key `astro-rc-2026` (pack-signature,",
      );
      expect(r.stderr).toContain("nothing was changed");
      expect(existsSync(join(repo, "domain-packs/astro"))).toBe(false);
      // The publisher un-yanking it on purpose signs the index again: then it is used.
      resignIndex(site, pub);
      const again = await runCli(["packs", "add", "astro@1.2.0", "--repo", repo]);
      expect(again.code, again.stderr).toBe(0);
    } finally {
      await mirror.close();
    }
  });

  it("is required, when labenv.yaml says so, from a registry that publishes unsigned", async () => {
    const site = mkdtempSync(join(tmpdir(), "labenv-site-nosig-"));
    expect((await runCli(["packs", "publish", "--repo", pub.repo, "--out", site])).code).toBe(0);
    expect(readFileSync(join(site, "registry.yaml"), "utf8")).not.toContain(
      "signature:\n    keyId",
    );
    const plain = await serveRegistry(site);
    try {
      const strict = makeConsumer(
        [{ name: "plain", url: plain.url, requireSignedIndex: true }],
        [],
        {
          requireSignatures: false,
        },
      );
      const r = await runCli(["packs", "browse", "--repo", strict]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "registry `plain`'s index is not signed, and labenv.yaml requires a signed index from it",
      );
      const lenient = makeConsumer([{ name: "plain", url: plain.url }], [], {
        requireSignatures: false,
      });
      expect((await runCli(["packs", "browse", "--repo", lenient])).code).toBe(0);
    } finally {
      await plain.close();
    }
  });
});

describe("an old signed index served again (a replay)", () => {
  /** A copy of the publisher's site whose index is signed again as published at `published`. */
  function siteAt(published: string, unsigned = false): string {
    const site = mkdtempSync(join(tmpdir(), "labenv-site-at-"));
    cpSync(pub.site, site, { recursive: true });
    resignIndex(site, pub, published);
    if (unsigned) {
      const index = join(site, "registry.yaml");
      const doc = parseDocument(readFileSync(index, "utf8"));
      doc.deleteIn(["metadata", "signature"]);
      doc.deleteIn(["metadata", "published"]);
      writeFileSync(index, doc.toString());
    }
    return site;
  }

  it("is refused once a newer one was read, naming both times; the record is in the vendored pack", async () => {
    const older = await serveRegistry(siteAt("2026-01-05T10:00:00Z"));
    const newer = await serveRegistry(siteAt("2026-06-01T08:30:00Z"));
    const unsigned = await serveRegistry(siteAt("2026-07-01T00:00:00Z", true));
    try {
      // The old index was validly signed: a repository that never read a newer one takes it.
      const fresh = makeConsumer([{ name: "astro-rc", url: older.url }], trusted());
      expect((await runCli(["packs", "browse", "--repo", fresh])).code).toBe(0);

      const repo = makeConsumer([{ name: "astro-rc", url: newer.url }], trusted());
      const add = await runCli(["packs", "add", "astro@1.1.0", "--repo", repo]);
      expect(add.code, add.stderr).toBe(0);
      expect(parse(packText(repo, "astro", "1.1.0")).spec.source.indexPublished).toBe(
        "2026-06-01T08:30:00Z",
      );
      expect((await runCli(["validate", repo])).code).toBe(0);

      const config = join(repo, "labenv.yaml");
      const pointAt = (url: string) =>
        writeFileSync(
          config,
          readFileSync(config, "utf8").replace(/url: http:\/\/127\.0\.0\.1:\d+\//, `url: ${url}`),
        );
      pointAt(older.url);
      for (const args of [
        ["packs", "add", "astro@1.3.0"],
        ["packs", "outdated"],
        ["packs", "update"],
        ["packs", "browse"],
      ]) {
        const r = await runCli([...args, "--repo", repo]);
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stderr).toContain(
          "registry `astro-rc`'s index was published on 2026-01-05T10:00:00Z, before the newest one labenv has read from it (published on 2026-06-01T08:30:00Z) (index-replay,",
        );
        expect(r.stderr).toContain("domain-packs/astro/1.1.0/pack.yaml records the index");
      }
      expect(existsSync(join(repo, "domain-packs/astro/1.3.0"))).toBe(false);

      // An unsigned index after a signed one is a downgrade, whatever time it claims.
      pointAt(unsigned.url);
      const down = await runCli(["packs", "outdated", "--repo", repo]);
      expect(down.code).toBe(2);
      expect(down.stderr).toContain(
        "registry `astro-rc`'s index is not signed, but the one read on 2026-06-01T08:30:00Z was (index-replay,",
      );

      // The same index again, or a newer one, is used.
      pointAt(newer.url);
      const again = await runCli(["packs", "add", "astro@1.3.0", "--repo", repo]);
      expect(again.code, again.stderr).toBe(0);
    } finally {
      await Promise.all([older.close(), newer.close(), unsigned.close()]);
    }
  });
});
