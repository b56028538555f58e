import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { lockFreshness, lockRepository } from "../../../reconciler/core/lock/lock-repository.js";
import { parseEmbeddedIndex } from "../../../reconciler/core/lock/package-index.js";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { formatPath } from "../../../reconciler/core/model/diagnostic.js";
import { lockRules } from "../../../reconciler/core/validate/rules/lock-rules.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles, repoRoot, TODAY } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const index = parseEmbeddedIndex(readFileSync(join(repoRoot, "package-index.yaml"), "utf8"));
const LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
const ZEROS = "0".repeat(64);

/** The example files with one lock field set to `value` (keeping the file's layout). */
function tamper(path: (string | number)[], value: unknown, file = LOCK): RepoFile[] {
  return exampleFiles().map((f) => {
    if (f.path !== file) return f;
    const doc = parseDocument(Buffer.from(f.content).toString("utf8"));
    doc.setIn(path, value);
    return { path: file, content: doc.toString() };
  });
}

/** What `labenv validate` (and so the reconciler and the GitHub App) says about the locks. */
function lockDiagnostics(files: RepoFile[]) {
  const { repository, diagnostics } = loadRepository(files, check);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { repository, found: lockRules(() => index).check(repository, { today: TODAY }) };
}

/** The line and column of a field in the tampered file, as the loader sees it. */
function positionOf(files: RepoFile[], path: (string | number)[], file = LOCK) {
  const { repository } = loadRepository(files, check);
  const lock = [...repository.locks.values()].find((l) => l.file === file)!;
  return lock.positions.at(path);
}

// Each field of a lock, edited by hand: caught, with the field named and its position.
const cases: {
  what: string;
  path: (string | number)[];
  value: unknown;
  /** Where the finding points, when not at the edited field itself. */
  at?: (string | number)[];
  code?: string;
  message: RegExp;
}[] = [
  {
    what: "the image replaced by another repository",
    path: ["spec", "image"],
    value: `docker.io/someone-else/notebook@sha256:${ZEROS}`,
    message:
      /^spec\.image: the lock says docker\.io\/someone-else\/notebook@sha256:0{64} but genomics@1\.2\.0 pins ghcr\.io\/westtek-research\/labenv-genomics@sha256:61ee.* — locks are generated: run `labenv lock`$/,
  },
  {
    what: "a pack-pinned version changed",
    path: ["spec", "packages", 15, "version"],
    value: "1.26.3",
    message:
      /^spec\.packages\[15\]\.version: the lock says numpy 1\.26\.3 but genomics@1\.2\.0 pins numpy 1\.26\.4/,
  },
  {
    what: "a pinned package renamed",
    path: ["spec", "packages", 15, "name"],
    value: "numpy-fork",
    at: ["spec", "packages"],
    message: /^spec\.packages: the lock says no numpy but genomics@1\.2\.0 pins numpy 1\.26\.4/,
  },
  {
    what: "a source relabelled",
    path: ["spec", "packages", 15, "source"],
    value: "environment",
    message:
      /^spec\.packages\[15\]\.source: the lock says environment but numpy comes from genomics@1\.2\.0 \(pack\)/,
  },
  {
    what: "a requirement's text changed",
    path: ["spec", "packages", 19, "requestedAs"],
    value: "pydeseq2",
    message:
      /^spec\.packages\[19\]\.requestedAs: the lock says `pydeseq2` but environment\.yaml asks for `pydeseq2>=0\.4\.10,<0\.5`/,
  },
  {
    what: "a dependency's version changed to one its dependent does not accept",
    path: ["spec", "packages", 3, "version"],
    value: "1.0.1",
    message:
      /^spec\.packages\[3\]\.version: the lock says formulaic 1\.0\.1 but pydeseq2==0\.4\.12 needs formulaic>=1\.0\.2/,
  },
  {
    what: "a version the index does not have",
    path: ["spec", "packages", 19, "version"],
    value: "0.4.13",
    message:
      /^spec\.packages\[19\]\.version: the lock says pydeseq2 0\.4\.13 but the package index has no such release/,
  },
  {
    what: "a hash added where the index has none",
    path: ["spec", "packages", 0, "sha256"],
    value: ZEROS,
    message:
      /^spec\.packages\[0\]\.sha256: the lock says 000000000000 but the package index gives no hash for anndata 0\.10\.9/,
  },
  {
    what: "the pack's checksum",
    path: ["spec", "domainPack", "checksum"],
    value: `sha256:${ZEROS}`,
    message:
      /^spec\.domainPack\.checksum: the lock says 000000000000 but genomics@1\.2\.0 has checksum 99b62d99eea7 in the registry/,
  },
  {
    what: "the pack's version, to another published one",
    path: ["spec", "domainPack", "version"],
    value: "1.1.0",
    message:
      /^spec\.domainPack\.version: the lock says 1\.1\.0 but the checksum it records is genomics@1\.2\.0's/,
  },
  {
    what: "the pack's version, to one never published",
    path: ["spec", "domainPack", "version"],
    value: "1.9.0",
    message:
      /^spec\.domainPack\.version: the lock says genomics@1\.9\.0 but no such pack version is published/,
  },
  {
    what: "the pack's name",
    path: ["spec", "domainPack", "name"],
    value: "climate",
    message:
      /^spec\.domainPack\.name: the lock says climate but environment\.yaml asks for genomics@\^1\.1/,
  },
  {
    what: "the Python version",
    path: ["spec", "python"],
    value: "3.11.8",
    message: /^spec\.python: the lock says 3\.11\.8 but genomics@1\.2\.0 pins 3\.11\.9/,
  },
  {
    what: "a kernel's display name",
    path: ["spec", "kernels", 1, "displayName"],
    value: "Python 3",
    at: ["spec", "kernels", 1],
    message:
      /^spec\.kernels\[1\]: the lock says .*Python 3".* but environment\.yaml and the pack give .*Python 3 \(ipykernel\)/,
  },
  {
    what: "an extension's version",
    path: ["spec", "extensions", 1, "version"],
    value: "0.50.0",
    at: ["spec", "extensions", 1],
    message:
      /^spec\.extensions\[1\]: the lock says jupyterlab-git 0\.50\.0 but genomics@1\.2\.0's extensions give jupyterlab-git 0\.50\.1/,
  },
  {
    what: "a config hash",
    path: ["spec", "jupyterConfig", 0, "sha256"],
    value: ZEROS,
    at: ["spec", "jupyterConfig", 0],
    message:
      /^spec\.jupyterConfig\[0\]: the lock says FileContentsManager\.delete_to_trash 000000000000 but/,
  },
  {
    what: "a field `labenv lock` never writes",
    path: ["spec", "resources"],
    value: { cpu: 256, memory: 512 },
    message: /^spec\.resources: the lock says resources but `labenv lock` writes no such field/,
  },
  {
    what: "the input digest",
    path: ["spec", "inputDigest"],
    value: `sha256:${ZEROS}`,
    code: "lock-stale",
    message:
      /^lock is stale: environment\.yaml changed since the lock was made \(input digest 000000000000 → e795e0bb5512\)/,
  },
];

describe("a hand-edited lock is caught at the field that was edited", () => {
  it.each(cases)("$what", ({ path, value, at, code, message }) => {
    const files = tamper(path, value);
    const { found } = lockDiagnostics(files);
    const pos = positionOf(files, at ?? path);
    expect(
      found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message} [${d.code}]`),
    ).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${LOCK}:${pos.line}:${pos.column} ${message.source.replace(/^\^/, "").replace(/\$$/, "")}.* \\[${code ?? "lock-edited"}\\]$`,
        ),
      ),
    );
    expect(found.find((d) => d.path === formatPath(at ?? path))?.code).toBe(code ?? "lock-edited");
  });

  it("the untouched example repository has no lock findings", () => {
    expect(lockDiagnostics(exampleFiles()).found).toEqual([]);
  });

  it("`labenv lock` rewrites an edited lock to what it writes from the inputs", () => {
    const files = tamper(["spec", "image"], `docker.io/someone-else/notebook@sha256:${ZEROS}`);
    const { repository } = lockDiagnostics(files);
    const o = lockRepository(repository, index, { only: ["genomics-core/rnaseq"] })[0]!;
    expect(o.outcome).toBe("updated");
    expect(o.outcome === "updated" && o.text).toBe(readFileSync(join(repoRoot, LOCK), "utf8"));
  });
});

/** Every leaf of a lock document: its path and value. */
function leaves(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

/** A different value of the same kind, one a hand edit could write. */
function changed(value: unknown, salt: number): unknown {
  if (typeof value === "number") return value + 1 + salt;
  if (typeof value !== "string") return value;
  if (/^sha256:[0-9a-f]{64}$/.test(value)) return `sha256:${flipHex(value.slice(7), salt)}`;
  if (/^[0-9a-f]{64}$/.test(value)) return flipHex(value, salt);
  if (/@sha256:/.test(value)) return value.replace(/@sha256:.*/, `@sha256:${ZEROS}`);
  if (["pack", "environment", "dependency"].includes(value))
    return ["pack", "environment", "dependency"].filter((s) => s !== value)[salt % 2];
  if (["python", "R", "julia"].includes(value))
    return ["python", "R", "julia"].filter((s) => s !== value)[salt % 2];
  if (/^\d+(\.\d+)*$/.test(value))
    return value.replace(/(\d+)$/, (d) => String(Number(d) + 1 + salt));
  return `${value}-${salt}`;
}

function flipHex(hex: string, salt: number): string {
  const i = salt % hex.length;
  return hex.slice(0, i) + (hex[i] === "0" ? "1" : "0") + hex.slice(i + 1);
}

describe("property: lock then check always passes; any single-field edit always fails", () => {
  const envs = [...loadRepository(exampleFiles(), check).repository.environments.keys()];

  it("for every example environment, a fresh lock passes and each edited field is caught", () => {
    fc.assert(
      fc.property(fc.constantFrom(...envs), fc.nat(), fc.nat({ max: 7 }), (key, pick, salt) => {
        const repo = loadRepository(exampleFiles(), check).repository;
        const env = repo.environments.get(key)!;
        // `labenv lock --upgrade`, then `--check`.
        const o = lockRepository(repo, index, { only: [key], upgrade: true })[0]!;
        expect(o.outcome).toBe("unchanged");
        expect(lockFreshness(repo, env, index)).toEqual({ status: "fresh" });
        const lock = repo.locks.get(key)!;
        const fields = leaves(lock.doc).filter(
          (l) => !["apiVersion", "kind"].includes(String(l.path[0])) && l.path[0] !== "metadata",
        );
        const field = fields[pick % fields.length]!;
        const edited = changed(field.value, salt);
        if (edited === field.value) return;
        const files = tamper(field.path, edited, lock.file);
        const { repository, diagnostics } = loadRepository(files, check);
        if (diagnostics.some((d) => d.severity === "error")) return; // the schema already refuses it
        const f = lockFreshness(repository, repository.environments.get(key)!, index);
        expect(f.status, `${formatPath(field.path)} = ${String(edited)}`).not.toBe("fresh");
      }),
      { numRuns: 150 },
    );
  });
});

describe("property: for generated environments, lock then check passes and a single edit fails", () => {
  const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
  const RNASEQ_LOCK = "environments/genomics-core/rnaseq/environment.lock.yaml";
  const names = [...index.keys()];
  const requirement = fc
    .tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom("", ">=", "==", "<="))
    .map(([name, i, op]) => {
      const versions = index.get(name)!;
      return op === "" ? name : `${name}${op}${versions[i % versions.length]!.version}`;
    });

  it("holds for random requirement sets on the genomics pack", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(requirement, {
          minLength: 1,
          maxLength: 4,
          selector: (r) => r.split(/[<>=]/)[0],
        }),
        fc.nat(),
        fc.nat({ max: 7 }),
        (requirements, pick, salt) => {
          const files = exampleFiles().map((f) => {
            if (f.path !== RNASEQ) return f;
            const doc = parseDocument(Buffer.from(f.content).toString("utf8"));
            doc.setIn(["spec", "packages"], requirements);
            return { path: f.path, content: doc.toString() };
          });
          const repo = loadRepository(files, check).repository;
          const o = lockRepository(repo, index, { only: ["genomics-core/rnaseq"] })[0]!;
          if (o.outcome === "failed") return; // a conflict: nothing is written
          const text = o.outcome === "unchanged" ? undefined : o.text;
          const locked = text
            ? [...files.filter((f) => f.path !== RNASEQ_LOCK), { path: RNASEQ_LOCK, content: text }]
            : files;
          const relocked = loadRepository(locked, check).repository;
          const env = relocked.environments.get("genomics-core/rnaseq")!;
          expect(lockFreshness(relocked, env, index), requirements.join(" ")).toEqual({
            status: "fresh",
          });
          checked++;
          const lock = relocked.locks.get("genomics-core/rnaseq")!;
          const fields = leaves(lock.doc).filter(
            (l) => l.path[0] === "spec" && l.path[1] !== "lockVersion",
          );
          const field = fields[pick % fields.length]!;
          const value = changed(field.value, salt);
          if (value === field.value) return;
          const edited = locked.map((f) => {
            if (f.path !== RNASEQ_LOCK) return f;
            const doc = parseDocument(Buffer.from(f.content).toString("utf8"));
            doc.setIn(field.path, value);
            return { path: f.path, content: doc.toString() };
          });
          const after = loadRepository(edited, check);
          if (after.diagnostics.some((d) => d.severity === "error")) return; // the schema refuses it
          const f = lockFreshness(
            after.repository,
            after.repository.environments.get("genomics-core/rnaseq")!,
            index,
          );
          expect(
            f.status,
            `${requirements.join(" ")}: ${formatPath(field.path)} = ${String(value)}`,
          ).not.toBe("fresh");
        },
      ),
      { numRuns: 120 },
    );
    expect(checked).toBeGreaterThan(30);
  });
});
