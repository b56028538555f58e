import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drift, fingerprintOf } from "../../../reconciler/core/drift/drift.js";
import { defaultRules, effectiveRules } from "../../../reconciler/core/drift/severity-rules.js";
import type { EnvironmentLock, Observation } from "../../../reconciler/core/model/documents.js";
import { normalizeName } from "../../../reconciler/core/pep440/index.js";

const LOCK: EnvironmentLock = {
  apiVersion: "labenv.westtek.io/v1",
  kind: "EnvironmentLock",
  metadata: { name: "env", lab: "lab" },
  spec: {
    lockVersion: 1,
    inputDigest: `sha256:${"0".repeat(64)}`,
    domainPack: { name: "pack", version: "1.0.0", checksum: `sha256:${"1".repeat(64)}` },
    image: `ghcr.io/x/y@sha256:${"2".repeat(64)}`,
    python: "3.11.9",
    packages: [
      { name: "array-api-compat", version: "1.8", source: "pack" },
      { name: "numpy", version: "1.26.4", source: "pack" },
      { name: "pydeseq2", version: "0.4.12", source: "environment", requestedAs: "pydeseq2>=0.4" },
      { name: "wrapt", version: "1.16.0", source: "dependency" },
    ],
    kernels: [
      { name: "ir", language: "R", version: "4.4.1" },
      { name: "python3", language: "python", version: "3.11.9" },
    ],
    extensions: [{ name: "jupyterlab-git", version: "0.50.1" }],
    jupyterConfig: [{ key: "ServerApp.x", sha256: "a".repeat(64) }],
  },
};

function observe(change: (o: Observation["spec"]) => void = () => undefined): Observation {
  const spec: Observation["spec"] = {
    python: LOCK.spec.python,
    packages: LOCK.spec.packages.map((p) => ({
      name: p.name,
      version: p.version,
      installer: "pip",
      requested: p.source !== "dependency",
    })),
    kernels: LOCK.spec.kernels.map((k) => ({ name: k.name, language: k.language })),
    extensions: LOCK.spec.extensions.map((e) => ({ ...e })),
    jupyterConfig: LOCK.spec.jupyterConfig.map((c) => ({ ...c })),
  };
  change(spec);
  return {
    apiVersion: "labenv.westtek.io/v1",
    kind: "Observation",
    metadata: {
      lab: "lab",
      environment: "env",
      observedAt: "2026-11-23T12:00:00Z",
      source: "agent",
    },
    spec,
  };
}

const NO_INFRA = { desired: [], observed: [] };
const run = (o: Observation | undefined, rules = defaultRules()) =>
  drift({ lock: LOCK, ...(o ? { observation: o } : {}), infra: NO_INFRA, rules });

describe("drift: lock × observation", () => {
  it("is STABLE when what runs is the lock, and PEP 440-equal versions are not drift (1.8 is 1.8.0)", () => {
    const r = run(
      observe((s) => {
        s.packages[0]!.version = "1.8.0";
      }),
    );
    expect(r.status).toBe("STABLE");
    expect(r.items).toEqual([]);
    expect(r.observation).toBe("present");
  });

  it("classifies every kind of difference with the default rules", () => {
    const r = run(
      observe((s) => {
        s.python = "3.11.10";
        s.packages = s.packages
          .filter((p) => p.name !== "wrapt")
          .map((p) => (p.name === "pydeseq2" ? { ...p, version: "0.4.11" } : p));
        s.packages.push(
          { name: "requests", version: "2.32.3", requested: true },
          { name: "pip", version: "24.2" },
        );
        s.kernels = s.kernels
          .filter((k) => k.name !== "ir")
          .concat({ name: "julia-1.10", language: "julia" });
        s.kernels[0] = { name: "python3", language: "python", version: "3.12.1" };
        s.extensions = [
          { name: "jupyterlab-git", version: "0.51.0" },
          { name: "@jupyter/collaboration", version: "3.0.0" },
        ];
        s.jupyterConfig = [
          { key: "ServerApp.x", sha256: "b".repeat(64) },
          { key: "LabApp.y", sha256: "c".repeat(64) },
        ];
      }),
    );
    expect(
      r.items.map(
        (i) =>
          `${i.item} ${i.name} ${i.change} ${i.locked ?? "-"}→${i.observed ?? "-"} ${i.severity}`,
      ),
    ).toEqual([
      "package pydeseq2 changed 0.4.12→0.4.11 minor",
      "package python changed 3.11.9→3.11.10 critical",
      "package requests added -→2.32.3 minor",
      "package wrapt removed 1.16.0→- minor",
      "kernel ir removed R 4.4.1→- critical",
      "kernel julia-1.10 added -→julia minor",
      "kernel python3 changed python 3.11.9→python 3.12.1 minor",
      "extension @jupyter/collaboration added -→3.0.0 minor",
      "extension jupyterlab-git changed 0.50.1→0.51.0 minor",
      `config LabApp.y added -→sha256:${"c".repeat(64)} minor`,
      `config ServerApp.x changed sha256:${"a".repeat(64)}→sha256:${"b".repeat(64)} minor`,
    ]);
    expect(r.ignored).toBe(1);
    expect(r.status).toBe("CRITICAL_DRIFT");
  });

  it("makes any change to a pinned or critical package critical, and an added unrelated one minor", () => {
    const r = run(
      observe((s) => {
        s.packages[1]!.version = "2.0.0";
        s.packages[2]!.version = "0.4.13";
      }),
      effectiveRules({
        metadata: { name: "lab" },
        spec: { drift: { criticalPackages: ["pydeseq2"] } },
      } as never),
    );
    expect(r.items.map((i) => [i.name, i.severity, i.why])).toEqual([
      ["numpy", "critical", "default: the domain pack pins this package"],
      ["pydeseq2", "critical", "default: listed in the lab's criticalPackages"],
    ]);
  });

  it("tries the lab's rules first, in order: the first match wins and `ignore` drops the item", () => {
    const lab = {
      metadata: { name: "lab" },
      spec: {
        drift: {
          rules: [
            {
              item: "package" as const,
              pinned: true,
              names: ["numpy"],
              severity: "minor" as const,
            },
            { item: "config" as const, severity: "critical" as const },
            { item: "package" as const, change: "added" as const, severity: "ignore" as const },
            { item: "config" as const, severity: "minor" as const },
          ],
        },
      },
    } as never;
    const r = run(
      observe((s) => {
        s.packages[1]!.version = "2.0.0";
        s.packages.push({ name: "requests", version: "2.32.3" });
        s.jupyterConfig[0]!.sha256 = "d".repeat(64);
      }),
      effectiveRules(lab),
    );
    expect(r.items.map((i) => [i.name, i.severity, i.why])).toEqual([
      ["numpy", "minor", "lab lab rule 1 (package, pinned by the pack, named numpy → minor)"],
      ["ServerApp.x", "critical", "lab lab rule 2 (config → critical)"],
    ]);
    expect(r.ignored).toBe(1);
  });

  it("without an observation judges infrastructure only and says so; a stale one is not compared", () => {
    expect(run(undefined)).toMatchObject({ status: "STABLE", observation: "missing" });
    const stale = drift({
      lock: LOCK,
      observation: observe((s) => {
        s.packages = [];
      }),
      observationState: "stale",
      infra: NO_INFRA,
      rules: defaultRules(),
    });
    expect(stale).toMatchObject({ status: "STABLE", observation: "stale", items: [] });
  });

  it("gives the same drift the same fingerprint whatever the order it was reported in, and whatever the rules say", () => {
    const base = observe((s) => {
      s.packages.push({ name: "requests", version: "2.32.3" }, { name: "idna", version: "3.8" });
      s.kernels = [];
    });
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (keys) => {
        const shuffled = observe();
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => [keys[i % keys.length]! + i / 100, x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        shuffled.spec = {
          ...base.spec,
          packages: shuffle([...base.spec.packages]),
          jupyterConfig: shuffle([...base.spec.jupyterConfig]),
        };
        expect(run(shuffled).fingerprint).toBe(run(base).fingerprint);
      }),
    );
    const strict = effectiveRules({
      metadata: { name: "lab" },
      spec: { drift: { rules: [{ severity: "critical" }] } },
    } as never);
    expect(run(base, strict).fingerprint).toBe(run(base).fingerprint);
    expect(run(base, strict).status).toBe("CRITICAL_DRIFT");
    expect(fingerprintOf([])).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports nothing for any lock observed exactly", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            name,
            version: fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}(\.[0-9]{1,2})?$/),
            source: fc.constantFrom("pack" as const, "environment" as const, "dependency" as const),
          }),
          // A lock never holds two names of one project: `t--7` and `t-7` are both `t-7` (PEP 503).
          { selector: (p) => normalizeName(p.name), maxLength: 30 },
        ),
        (packages) => {
          const lock = { ...LOCK, spec: { ...LOCK.spec, packages } };
          const o = observe();
          o.spec.packages = packages.map((p) => ({ name: p.name, version: p.version }));
          expect(
            drift({ lock, observation: o, infra: NO_INFRA, rules: defaultRules() }).status,
          ).toBe("STABLE");
        },
      ),
    );
  });
});
