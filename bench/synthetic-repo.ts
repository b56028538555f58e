// A large labenv repository for benchmarks: `labs` labs of `envsPerLab`
// environments each, with committed locks, a share per lab, a snapshot for
// every fourth environment, and `packVersions` domain pack versions. Built
// from the example repository's real material: its pack versions (patch
// releases are byte-for-byte copies under a new version), its package-index.yaml
// and the package sets of its environments, so it validates clean with the
// example repository's rules and locks resolve as they do there.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { loadRepository, type RepoFile } from "../reconciler/core/load/load-repository.js";
import { lockRepository } from "../reconciler/core/lock/lock-repository.js";
import {
  parseEmbeddedIndex,
  type PackageIndexData,
} from "../reconciler/core/lock/package-index.js";
import { buildRegistry, renderRegistry } from "../reconciler/core/packs/registry.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";

export interface SyntheticRepoOptions {
  labs: number;
  envsPerLab: number;
  /** Published domain pack versions in all (the example's 10, then patch releases of them). */
  packVersions: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const API = "labenv.westtek.io/v1";

/** What the example repository's environments ask for, on ranges that resolve to maintained pack versions. */
const TEMPLATES: readonly { pack: string; packages?: string[]; kernels?: string[] }[] = [
  { pack: "climate@^1.2", packages: ["nc-time-axis==1.4.1"] },
  { pack: "climate@~1.2.0" },
  { pack: "climate@^2", packages: ["xskillscore==0.0.26"] },
  { pack: "genomics@^1.1", packages: ["pydeseq2>=0.4.10,<0.5"], kernels: ["python3", "ir"] },
  { pack: "genomics@^2.0", packages: ["harmonypy==0.0.10", "leidenalg~=0.10.2"] },
  { pack: "genomics@~1.1.0", packages: ["cyvcf2==0.31.1"] },
  { pack: "ml@^2.0", packages: ["torchmetrics==1.4.1"] },
  { pack: "ml@^2.1", packages: ["einops==0.8.0"] },
];

/** The example repository's package index, which every synthetic lock resolves against. */
export function packageIndexText(): string {
  return readFileSync(join(ROOT, "package-index.yaml"), "utf8");
}

export function syntheticIndex(): PackageIndexData {
  return parseEmbeddedIndex(packageIndexText());
}

/** The repository as loader input (labenv.yaml, labs, environments, locks, shares, snapshots, packs, registry). */
export function syntheticFiles(options: SyntheticRepoOptions): RepoFile[] {
  const files: RepoFile[] = [
    { path: "labenv.yaml", content: readFileSync(join(ROOT, "labenv.yaml"), "utf8") },
  ];
  files.push(...packFiles(options.packVersions));
  const yaml = (schema: string, doc: unknown) =>
    `# yaml-language-server: $schema=${schema}\n${stringify(doc, { lineWidth: 0 })}`;
  for (let l = 0; l < options.labs; l++) {
    const lab = `lab-${pad(l)}`;
    const members = ["pi", "researcher", "postdoc", "student", "engineer"].map((role, i) => ({
      id: `${role}-${pad(l)}`,
      github: `${lab}-${role}`,
      uid: 30_000 + l * 10 + i,
      role,
    }));
    files.push({
      path: `environments/${lab}/lab.yaml`,
      content: yaml("../../schemas/lab.schema.json", {
        apiVersion: API,
        kind: "Lab",
        metadata: { name: lab },
        spec: {
          pi: members[0]!.id,
          approvers: [members[0]!.id, members[1]!.id],
          posixGid: 40_000 + l,
          members,
        },
      }),
    });
    for (let e = 0; e < options.envsPerLab; e++) {
      const t = TEMPLATES[(l + e) % TEMPLATES.length]!;
      const name = `env-${pad(e)}`;
      files.push({
        path: `environments/${lab}/${name}/environment.yaml`,
        content: yaml("../../../schemas/environment.schema.json", {
          apiVersion: API,
          kind: "Environment",
          metadata: { name, lab },
          spec: {
            owner: members[1 + (e % 4)]!.id,
            domainPack: t.pack,
            state: e % 3 === 0 ? "stopped" : "running",
            resources: { cpu: 1024, memory: 4096, storageGiB: 20 },
            ...(t.packages ? { packages: t.packages } : {}),
            ...(t.kernels ? { kernels: t.kernels } : {}),
          },
        }),
      });
      if (e % 4 === 0) {
        files.push({
          path: `environments/${lab}/${name}/snapshots/baseline.yaml`,
          content: yaml("../../../../schemas/snapshot.schema.json", {
            apiVersion: API,
            kind: "Snapshot",
            metadata: { name: "baseline", lab, environment: name },
            spec: {
              requestedBy: members[0]!.id,
              reason: "Baseline before the benchmark's upgrade round.",
            },
          }),
        });
      }
    }
    if (options.labs > 1) {
      files.push({
        path: `environments/${lab}/shares/env-000-onward.yaml`,
        content: yaml("../../../schemas/share.schema.json", {
          apiVersion: API,
          kind: "Share",
          metadata: { name: "env-000-onward", lab },
          spec: {
            environment: "env-000",
            to: { lab: `lab-${pad((l + 1) % options.labs)}` },
            access: "clone",
            expires: "2099-12-31",
            purpose: "Neighbouring lab reuses the stack.",
          },
        }),
      });
    }
  }
  return [...files, ...lockFiles(files)];
}

/** Writes the repository (and package-index.yaml) under `dir`. */
export function writeSyntheticRepo(dir: string, options: SyntheticRepoOptions): RepoFile[] {
  const files = syntheticFiles(options);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  writeFileSync(join(dir, "package-index.yaml"), packageIndexText());
  return files;
}

/** The example's pack versions, then patch releases of each (1.2.0 → 1.2.1 → …) until there are `count`, and their registry. */
function packFiles(count: number): RepoFile[] {
  const real: { pack: string; version: string; text: string }[] = [];
  for (const pack of readdirSync(join(ROOT, "domain-packs"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    for (const version of readdirSync(join(ROOT, "domain-packs", pack)).sort()) {
      real.push({
        pack,
        version,
        text: readFileSync(join(ROOT, "domain-packs", pack, version, "pack.yaml"), "utf8"),
      });
    }
  }
  const files: RepoFile[] = [];
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length]!;
    const [major, minor] = base.version.split(".");
    const version = `${major}.${minor}.${Math.floor(i / real.length)}`;
    files.push({
      path: `domain-packs/${base.pack}/${version}/pack.yaml`,
      content: base.text.replace(/^ {2}version: .*$/m, `  version: ${version}`),
    });
  }
  const { repository } = loadRepository(files, createSchemaValidator());
  return [
    ...files,
    { path: "domain-packs/registry.yaml", content: renderRegistry(buildRegistry(repository)) },
  ];
}

/** A committed lock for every environment, as `labenv lock` writes them. */
function lockFiles(files: readonly RepoFile[]): RepoFile[] {
  const { repository } = loadRepository(files, createSchemaValidator());
  return lockRepository(repository, syntheticIndex()).flatMap((o) => {
    if (o.outcome === "created") return [{ path: o.file, content: o.text }];
    throw new Error(
      `synthetic repository: ${o.environment} did not lock: ${o.outcome === "failed" ? o.errors.join("; ") : o.outcome}`,
    );
  });
}

function pad(n: number): string {
  return String(n).padStart(3, "0");
}
