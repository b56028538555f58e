import { randomBytes } from "node:crypto";
import { gitIsAncestor } from "../adapters/git/is-ancestor.js";
import { startGateway } from "../adapters/sandbox/sandbox-gateway.js";
import { SandboxProvider } from "../adapters/sandbox/sandbox-provider.js";
import { LabenvError } from "../core/errors.js";
import { reconcile, type ReconcileResult } from "../core/reconcile/reconcile.js";
import { manifestsFor, restorePinsFor } from "../core/snapshots/restore.js";
import { readShareCopies } from "../core/shares/snapshot-share-copies.js";
import type { CliIO } from "./io.js";
import type { RunContext } from "./context.js";
import { holderIsDeadOnThisHost } from "./lease-holder.js";

/** The reconcile a wake runs: `labenv apply` of what git holds, once the parking has ended. */
export async function wakeReconcile(
  ctx: RunContext,
  io: CliIO,
  environment: string,
): Promise<ReconcileResult> {
  const restorePins = restorePinsFor(
    ctx.repository,
    await manifestsFor(ctx.repository, ctx.objects),
  );
  return reconcile(
    {
      files: ctx.files,
      commit: ctx.commit,
      today: io.today(),
      index: () => ctx.checkIndex,
      mode: "apply",
      trigger: `wake ${environment}`,
      runtime: {
        ...(restorePins.size > 0 ? { restorePins } : {}),
        // A wake keeps what shares of a snapshot grant (their copies), as every reconcile does.
        shareCopies: await readShareCopies(ctx.objects),
      },
    },
    {
      provider: ctx.provider,
      state: ctx.state,
      check: ctx.check,
      now: io.now,
      runId: randomBytes(6).toString("hex"),
      owner: ctx.owner,
      isAncestor: gitIsAncestor(ctx.dir),
      holderIsDead: holderIsDeadOnThisHost,
    },
  );
}

/** What git says of an environment (`spec.state`). */
export function wantedState(ctx: RunContext, environment: string): "running" | "stopped" {
  return (ctx.repository.environments.get(environment)?.doc.spec.state ?? "running") === "running"
    ? "running"
    : "stopped";
}

/**
 * `labenv open --serve`: the sandbox's load balancer on 127.0.0.1, signed in as `member`. A
 * wake runs `wakeReconcile` in the background (one at a time) and says how it ended on stderr.
 */
export async function gatewayForContext(
  ctx: RunContext,
  io: CliIO,
  o: { member: string; port?: number; start?: (environment: string) => Promise<void> },
): Promise<{ url: string; close: () => Promise<void> }> {
  if (!(ctx.provider instanceof SandboxProvider))
    throw new LabenvError("usage", "--serve is the sandbox's local gateway", {
      hint: "with target: aws, open the address `labenv open` prints (the load balancer signs you in)",
    });
  let running: Promise<void> | undefined;
  const start =
    o.start ??
    (async (environment: string) => {
      if (running) return;
      running = wakeReconcile(ctx, io, environment)
        .then((r) =>
          io.err(
            `labenv open: wake ${environment}: ${r.outcome}${r.reason ? ` (${r.reason})` : ""}`,
          ),
        )
        .catch((e: unknown) =>
          io.err(`labenv open: wake ${environment} failed: ${(e as Error).message}`),
        )
        .finally(() => {
          running = undefined;
        });
    });
  return startGateway(
    {
      provider: ctx.provider,
      state: ctx.state,
      sources: () => ctx.repository,
      wanted: (e) => wantedState(ctx, e),
      member: o.member,
      start,
      now: io.now,
    },
    o.port ?? 0,
  );
}
