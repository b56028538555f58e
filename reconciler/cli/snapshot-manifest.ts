import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse } from "yaml";
import { LabenvError } from "../core/errors.js";
import { sha256Hex } from "../core/lock/canonical.js";
import { envKey } from "../core/model/documents.js";
import type { EnvironmentLock } from "../core/model/generated/environment-lock.js";
import { RO_CRATE_METADATA, roCrate, type CrateFile } from "../core/snapshots/ro-crate.js";
import { verifySnapshot } from "../core/snapshots/verify.js";
import type { SnapshotSources } from "../ports/snapshot-sources.js";
import type { RunContext } from "./context.js";
import {
  manifestBytes,
  parseManifest,
  snapshotObjects,
  type ObjectRef,
  type SnapshotManifest,
} from "../core/snapshots/manifest.js";
import type { ObjectStore } from "../ports/object-store.js";

const PART = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** `lab/env/name` as the CLI takes it; anything else is a usage error saying what is expected. */
export function parseSnapshotRef(id: string): { lab: string; env: string; name: string } {
  const parts = id.split("/");
  if (parts.length !== 3 || !parts.every((p) => PART.test(p)))
    throw new LabenvError(
      "usage",
      `${JSON.stringify(id)} is not a snapshot: expected lab/env/name`,
      {
        hint: "`labenv snapshot list` shows every snapshot by its lab/env/name",
      },
    );
  const [lab, env, name] = parts as [string, string, string];
  return { lab, env, name };
}

/**
 * The manifest of a captured snapshot, for the commands that read one (show, restore): a
 * snapshot never captured is a usage error, an unreadable manifest a state error naming what
 * is wrong with it.
 */
export async function readManifest(objects: ObjectStore, id: string): Promise<SnapshotManifest> {
  parseSnapshotRef(id);
  const bytes = await objects.get(snapshotObjects.manifest(id));
  if (!bytes)
    throw new LabenvError("usage", `${id} has no manifest: it was never captured`, {
      hint: "`labenv snapshot list` shows what was captured, and why a snapshot waits",
    });
  const parsed = parseManifest(bytes);
  if ("problem" in parsed)
    throw new LabenvError("state", `the manifest of ${id} is unreadable: ${parsed.problem}`, {
      hint: "`labenv snapshot verify` reports what is damaged",
    });
  return parsed.manifest;
}

const SPDX = /^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$/;

/**
 * `labenv snapshot export <id> --ro-crate`: the snapshot's lock, manifest and observation, each
 * checked against the manifest's sums first (a damaged snapshot is not exported), and the
 * RO-Crate metadata describing them, the image, every package and the home's files, written
 * to a new directory.
 */
export async function exportRoCrate(
  ctx: RunContext,
  id: string,
  o: { out?: string; license?: string },
  sources: SnapshotSources,
): Promise<{ snapshot: string; out: string; files: string[] }> {
  const { lab, env, name } = parseSnapshotRef(id);
  if (o.license !== undefined && !SPDX.test(o.license))
    throw new LabenvError("usage", `--license ${o.license} is not an SPDX licence id`, {
      hint: "e.g. CC-BY-4.0, CC0-1.0, MIT (https://spdx.org/licenses/)",
    });
  const out = resolve(ctx.dir, o.out ?? `${env}-${name}-ro-crate`);
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new LabenvError("usage", `${out} exists and is not empty`, {
      hint: "an export never writes over files: pick another --out",
    });
  const m = await readManifest(ctx.objects, id);
  // Only a snapshot that proves is exported: every object and home file against its sum.
  const proof = await verifySnapshot(id, { objects: ctx.objects, sources });
  if (!proof.ok)
    throw new LabenvError(
      "state",
      `${id} does not verify, so it is not exported: ${proof.findings
        .slice(0, 5)
        .map((f) => `${f.object} ${f.problem}`)
        .join("; ")}${proof.findings.length > 5 ? ` and ${proof.findings.length - 5} more` : ""}`,
      { hint: `\`labenv snapshot verify ${id}\` says what is damaged; nothing was written` },
    );
  const lockBytes = await stored(ctx, id, "lock", m.lock);
  const observationBytes = m.observation
    ? await stored(ctx, id, "observation", m.observation)
    : undefined;
  let lock: EnvironmentLock;
  try {
    lock = parse(Buffer.from(lockBytes).toString("utf8")) as EnvironmentLock;
  } catch (cause) {
    throw new LabenvError("state", `the lock of ${id} is not YAML`, { cause });
  }
  const manifestText = manifestBytes(m).text;
  const payload: { file: CrateFile; bytes: Uint8Array | string }[] = [
    {
      file: crateFile("environment.lock.yaml", lockBytes, {
        name: "environment.lock.yaml",
        description: `The environment's exact lock at capture (${m.lock.file} at ${m.commit.slice(0, 12)}): image, Python and every package with its version and sha256.`,
        encodingFormat: "application/yaml",
      }),
      bytes: lockBytes,
    },
    {
      file: crateFile("snapshot-manifest.json", manifestText, {
        name: "labenv snapshot manifest",
        description: `Every object and file of the snapshot with its sha256 (canonical JSON; its own sha256 is ${manifestBytes(m).digest}). labenv snapshot verify ${id} proves it.`,
        encodingFormat: "application/json",
      }),
      bytes: manifestText,
    },
    ...(observationBytes
      ? [
          {
            file: crateFile("observation.json", observationBytes, {
              name: "observation at capture",
              description:
                "What the running container reported at the moment of capture: every installed package, kernel, extension and Jupyter config hash.",
              encodingFormat: "application/json",
            }),
            bytes: observationBytes,
          },
        ]
      : []),
  ];
  const key = envKey(lab, env);
  const crate = roCrate({
    manifest: m,
    manifestDigest: manifestBytes(m).digest,
    lock,
    files: payload.map((p) => p.file),
    ...(ctx.repository.environments.get(key)
      ? { environment: ctx.repository.environments.get(key)!.doc }
      : {}),
    ...(ctx.repository.labs.get(lab) ? { lab: ctx.repository.labs.get(lab)!.doc } : {}),
    ...(o.license ? { license: o.license } : {}),
  });
  mkdirSync(out, { recursive: true });
  for (const p of payload) writeFileSync(join(out, p.file.path), p.bytes);
  writeFileSync(join(out, RO_CRATE_METADATA), `${JSON.stringify(crate, null, 2)}\n`);
  return {
    snapshot: id,
    out,
    files: [RO_CRATE_METADATA, ...payload.map((p) => p.file.path)].map((f) =>
      join(basename(out), f),
    ),
  };
}

async function stored(
  ctx: RunContext,
  id: string,
  what: string,
  ref: ObjectRef,
): Promise<Uint8Array> {
  const bytes = await ctx.objects.get(ref.key);
  // Verified a moment ago; checked again so a change since is never exported.
  if (!bytes || sha256Hex(bytes) !== ref.sha256)
    throw new LabenvError(
      "state",
      `the ${what} object of ${id} (${ref.key}) changed while exporting`,
      {
        hint: "`labenv snapshot verify` reports what is damaged; nothing was written",
      },
    );
  return bytes;
}

function crateFile(
  path: string,
  bytes: Uint8Array | string,
  about: Pick<CrateFile, "name" | "description" | "encodingFormat">,
): CrateFile {
  const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length;
  return { path, size, sha256: sha256Hex(bytes), ...about };
}
