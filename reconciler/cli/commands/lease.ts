import type { Command } from "commander";
import { breakLease } from "../../core/reconcile/lease.js";
import type { CliIO } from "../io.js";
import { openContext } from "../context.js";

/** `labenv lease [show]` and `labenv lease break`: see who holds the reconcile lease, and take it away from a run that is gone. */
export function registerLease(program: Command, io: CliIO): void {
  const lease = program
    .command("lease")
    .description("show who holds the reconcile lease, or break it (`labenv lease break`)");
  lease
    .command("show", { isDefault: true })
    .description("show who holds the reconcile lease and until when")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action(async (o: { repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const held = await ctx.state.readLease();
      const expired = held ? new Date(held.expiresAt) <= io.now() : false;
      if (o.json) return io.out(JSON.stringify({ lease: held ?? null, expired }, null, 2));
      io.out(
        held
          ? `held by ${held.owner}${held.runId ? ` (run ${held.runId})` : ""} until ${held.expiresAt}${expired ? " — expired: the next run takes it" : ""}`
          : "no one holds the lease",
      );
    });
  lease
    .command("break")
    .description(
      "remove the lease whoever holds it, and record it (the holder's run is marked abandoned; a live holder stops before its next action)",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--reason <text>", "why, for the run record", "broken by hand")
    .option("--json", "print as JSON")
    .action(async (o: { repo: string; reason: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const { broken, record } = await breakLease(ctx.state, {
        by: ctx.owner,
        reason: o.reason,
        now: io.now(),
      });
      if (o.json) return io.out(JSON.stringify({ broken: broken ?? null, record }, null, 2));
      io.out(
        broken
          ? `✓ broke the lease of ${broken.owner} (until ${broken.expiresAt}); recorded as run ${record!.id} (${record!.outcome})`
          : "no one holds the lease: nothing to break",
      );
    });
}
