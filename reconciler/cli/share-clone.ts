import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { LabenvError } from "../core/errors.js";
import { isExpired } from "../core/desire/share-grants.js";
import { cloneSnapshotId } from "../core/shares/clone-shares.js";
import type { RunContext } from "./context.js";
import { environmentThen } from "./commands/restore.js";
import { readManifest } from "./snapshot-manifest.js";

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export interface ClonedEnvironment {
  environment: string;
  share: string;
  snapshot: string;
  owner: string;
  capturedAt: string;
  files: string[];
}

/**
 * `labenv shares clone <lab/share>`: the receiving lab's own copy of a clone share, written for
 * a pull request in the receiving lab — the lent environment's environment.yaml as it was when
 * the share's snapshot was taken, moved to the receiving lab with a member of it as owner (its
 * funding and experiment are the lender's, so they are left out), the snapshot's exact lock, and
 * `restoreFrom` that snapshot. After the merge the reconciler runs the snapshot's image, creates
 * its volume from the snapshot and restores the home as it was at share time: nothing the owners
 * changed since reaches it, and it stays when the share ends. Writes nothing on a bad request.
 */
export async function cloneShare(
  ctx: RunContext,
  shareId: string,
  options: { as?: string; owner?: string; today: string },
): Promise<ClonedEnvironment> {
  const share = ctx.repository.shares.get(shareId);
  if (!share)
    throw new LabenvError("usage", `there is no share ${shareId}`, {
      hint: `clone shares: ${
        [...ctx.repository.shares.values()]
          .filter((s) => s.doc.spec.access === "clone")
          .map((s) => `${s.doc.metadata.lab}/${s.doc.metadata.name}`)
          .join(", ") || "none"
      }`,
    });
  const { environment, to, access, expires } = share.doc.spec;
  if (access !== "clone")
    throw new LabenvError(
      "usage",
      `${shareId} is a ${access} share: only a clone share is copied`,
      {
        hint: "a read-only share is mounted in the receiving members' environments (`labenv shares`)",
      },
    );
  if (isExpired(share, options.today))
    throw new LabenvError("usage", `${shareId} expired on ${expires}: no new copy is made`, {
      hint: "copies made while it was granted stay; renew the share to make another",
    });
  const lab = ctx.repository.labs.get(to.lab);
  if (!lab) throw new LabenvError("usage", `${shareId} is to ${to.lab}, which has no lab.yaml`);
  const eligible = to.members ?? lab.doc.spec.members.map((m) => m.id);
  const owner = options.owner ?? (eligible.length === 1 ? eligible[0] : undefined);
  if (!owner)
    throw new LabenvError("usage", `who owns the copy in ${to.lab}? pass --owner <member>`, {
      hint: `the share names: ${eligible.join(", ")}`,
    });
  if (!eligible.includes(owner) || !lab.doc.spec.members.some((m) => m.id === owner))
    throw new LabenvError("usage", `${owner} is not a member of ${to.lab} the share names`, {
      hint: `the share names: ${eligible.join(", ")}`,
    });
  const name = (options.as ?? `${environment}-from-${share.doc.metadata.lab}`)
    .slice(0, 63)
    .replace(/-+$/, "");
  if (!NAME.test(name))
    throw new LabenvError("usage", `--as ${name} is not a lower-case DNS label`);
  const dir = `environments/${to.lab}/${name}`;
  if (existsSync(join(ctx.dir, dir, "environment.yaml")))
    throw new LabenvError("usage", `${dir}/environment.yaml exists`, {
      hint: "pick another name with --as: a copy never writes over an environment",
    });
  const snapshot = cloneSnapshotId(share);
  const m = await readManifest(ctx.objects, snapshot).catch((e: unknown) => {
    if (e instanceof LabenvError && e.code === "usage")
      throw new LabenvError(
        "usage",
        `${shareId}'s snapshot ${snapshot} has not been captured yet`,
        {
          hint: "the first `labenv reconcile` after the share merges takes it; `labenv snapshot list` says why it waits",
        },
      );
    throw e;
  });
  const lockBytes = await ctx.objects.get(m.lock.key);
  if (!lockBytes)
    throw new LabenvError("state", `the lock object of ${snapshot} (${m.lock.key}) is missing`, {
      hint: "`labenv snapshot verify` reports what is damaged",
    });
  const envPath = m.lock.file.replace(/environment\.lock\.yaml$/, "environment.yaml");
  const envDoc = parseDocument(await environmentThen(ctx.dir, m.commit, envPath));
  envDoc.setIn(["metadata", "name"], name);
  envDoc.setIn(["metadata", "lab"], to.lab);
  envDoc.deleteIn(["metadata", "funding"]);
  envDoc.deleteIn(["metadata", "experiment"]);
  envDoc.setIn(["spec", "owner"], owner);
  envDoc.setIn(["spec", "restoreFrom"], envDoc.createNode({ snapshot }, { flow: true }));
  const lockDoc = parseDocument(Buffer.from(lockBytes).toString("utf8"));
  lockDoc.setIn(["metadata", "name"], name);
  lockDoc.setIn(["metadata", "lab"], to.lab);
  const files = [
    { path: `${dir}/environment.yaml`, text: envDoc.toString() },
    { path: `${dir}/environment.lock.yaml`, text: lockDoc.toString() },
  ];
  mkdirSync(join(ctx.dir, dir), { recursive: true });
  for (const f of files) writeFileSync(join(ctx.dir, f.path), f.text);
  return {
    environment: `${to.lab}/${name}`,
    share: shareId,
    snapshot,
    owner,
    capturedAt: m.capturedAt,
    files: files.map((f) => f.path),
  };
}
