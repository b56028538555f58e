// labenv snapshot export --ro-crate on the sandbox: a captured snapshot with a real home becomes
// an RO-Crate directory whose metadata describes exactly what was captured, whose files are the
// snapshot's own bytes, and which is refused whole when the snapshot does not verify.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { git } from "./temp-git-repo.js";
import { THESIS, thesisCli, thesisSnapshot } from "./thesis-snapshot.js";

const ID = THESIS;
const cli = thesisCli;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

type Entity = { "@id": string; "@type": string; [k: string]: unknown };

/** The example reconciled with notebooks in rnaseq's home, then a Snapshot document `thesis` captured. */
const captured = () =>
  thesisSnapshot({
    files: { "deseq2.ipynb": '{"cells": [], "nbformat": 4}\n', "figures/volcano.svg": "<svg/>\n" },
    capture: true,
  });

describe("labenv snapshot export --ro-crate", () => {
  it("writes an RO-Crate 1.1 whose metadata names every file it carries, the image, every locked package, the home's files, who made it and who paid", async () => {
    const dir = await captured();
    const r = await cli(
      dir,
      "snapshot",
      "export",
      ID,
      "--ro-crate",
      "--out",
      "crate",
      "--license",
      "CC-BY-4.0",
    );
    expect(r.code, r.stderr).toBe(0);
    const out = join(dir, "crate");
    expect(readdirSync(out).sort()).toEqual([
      "environment.lock.yaml",
      "observation.json",
      "ro-crate-metadata.json",
      "snapshot-manifest.json",
    ]);
    const crate = JSON.parse(readFileSync(join(out, "ro-crate-metadata.json"), "utf8")) as {
      "@context": unknown[];
      "@graph": Entity[];
    };
    expect(crate["@context"][0]).toBe("https://w3id.org/ro/crate/1.1/context");
    const graph = crate["@graph"];
    const byId = new Map(graph.map((e) => [e["@id"], e]));
    expect(byId.size, "every @id is unique").toBe(graph.length);
    expect(byId.get("ro-crate-metadata.json")).toMatchObject({
      "@type": "CreativeWork",
      conformsTo: { "@id": "https://w3id.org/ro/crate/1.1" },
      about: { "@id": "./" },
    });
    // Every reference inside the crate leads to an entity of the graph.
    const refs: string[] = [];
    const walk = (v: unknown, key = ""): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (Object.keys(o).length === 1 && typeof o["@id"] === "string" && key !== "conformsTo")
          refs.push(o["@id"]);
        else for (const [k, x] of Object.entries(o)) walk(x, k);
      }
    };
    walk(graph);
    for (const ref of refs) expect(byId.has(ref), ref).toBe(true);

    const root = byId.get("./")!;
    const manifest = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    expect(root).toMatchObject({
      "@type": "Dataset",
      name: "genomics-core/rnaseq snapshot thesis",
      datePublished: manifest.capturedAt,
      license: { "@id": "https://spdx.org/licenses/CC-BY-4.0" },
      keywords: ["EXP-2026-014"],
    });
    // Each file carried is the snapshot's own bytes, with its size and sum.
    const parts = (root.hasPart as { "@id": string }[]).map((p) => byId.get(p["@id"])!);
    for (const f of parts.filter((p) => p["@type"] === "File")) {
      const bytes = readFileSync(join(out, f["@id"]));
      expect(f.contentSize).toBe(String(bytes.length));
      expect(f.sha256).toBe(sha(bytes));
    }
    expect(readFileSync(join(out, "environment.lock.yaml"), "utf8")).toBe(
      `${git(dir, "show", `${manifest.commit}:environments/genomics-core/rnaseq/environment.lock.yaml`)}\n`,
    );
    // The image by digest and every locked package, at its version.
    const lock = parse(readFileSync(join(out, "environment.lock.yaml"), "utf8"));
    const required = (root.softwareRequirements as { "@id": string }[]).map((p) =>
      byId.get(p["@id"])!,
    );
    expect(required[0]).toMatchObject({ identifier: manifest.image ?? manifest.lock.image });
    expect(required.slice(1).map((p) => `${p.name}==${p.softwareVersion}`)).toEqual(
      lock.spec.packages.map((p: { name: string; version: string }) => `${p.name}==${p.version}`),
    );
    // The home: described file by file, kept in the backup.
    const home = parts.find((p) => p["@id"] === "#home")!;
    expect(home.identifier).toBe(manifest.home.recoveryPointArn);
    expect(
      (home.hasPart as { "@id": string }[]).map((p) => byId.get(p["@id"])!.name).sort(),
    ).toEqual(manifest.home.files.map((f: { path: string }) => f.path).sort());
    expect((home.hasPart as unknown[]).length).toBe(2);
    // Who made it, who publishes it, who paid for it: from lab.yaml and environment.yaml.
    const creator = byId.get((root.creator as { "@id": string }[])[0]!["@id"])!;
    expect(creator).toMatchObject({ "@type": "Person", name: "Ravi Patel" });
    const grant = byId.get((root.funding as { "@id": string })["@id"])!;
    expect(grant).toMatchObject({ "@type": "Grant", name: "nih-r01-hg012345" });
    expect(byId.get((grant.funder as { "@id": string })["@id"])).toMatchObject({
      "@type": "Organization",
    });
  });

  it("refuses a snapshot that does not verify, a bad licence and a directory that holds files, writing nothing", async () => {
    const dir = await captured();
    const bad = await cli(dir, "snapshot", "export", ID, "--ro-crate", "--license", "CC BY");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not an SPDX licence id");
    mkdirSync(join(dir, "full"));
    writeFileSync(join(dir, "full/keep.txt"), "mine\n");
    const full = await cli(dir, "snapshot", "export", ID, "--ro-crate", "--out", "full");
    expect(full.code).toBe(2);
    expect(readdirSync(join(dir, "full"))).toEqual(["keep.txt"]);

    const m = JSON.parse((await cli(dir, "snapshot", "show", ID, "--json")).stdout);
    writeFileSync(join(dir, ".labenv/objects", m.lock.key), "edited\n");
    const damaged = await cli(dir, "snapshot", "export", ID, "--ro-crate", "--out", "crate");
    expect(damaged.code).not.toBe(0);
    expect(damaged.stderr).toContain(
      `${ID} does not verify, so it is not exported: ${m.lock.key} checksum`,
    );
    expect(existsSync(join(dir, "crate"))).toBe(false);
  });
});
