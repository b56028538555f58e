import type { Command } from "commander";
import { shareStatus } from "../../core/shares/share-status.js";
import { openContext } from "../context.js";
import type { CliIO } from "../io.js";

/** `labenv shares [--json]`: every read-only share and hand-over access, as granted now. */
export function registerShares(program: Command, io: CliIO): void {
  program
    .command("shares")
    .description(
      "every read-only share and a predecessor's hand-over access: granted, pending (the next reconcile creates it) or revoking, shares that grant nobody, and each grant and revoke with its time",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print JSON")
    .action(async (o: { repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const observed = await ctx.provider.observe();
      const events = await ctx.state.listShareEvents();
      const status = shareStatus(ctx.repository, observed.resources, io.today(), events);
      if (o.json) return io.out(JSON.stringify(status, null, 2));
      if (status.access.length === 0 && status.notes.length === 0 && status.history.length === 0)
        return io.out("no shares");
      for (const r of status.access) {
        const where =
          r.state === "revoking"
            ? r.reason
            : `${r.mountPath} read-only in ${r.mountedIn.join(", ")}${r.until ? `, until ${r.until}` : ""}${r.grantedAt ? `, granted ${r.grantedAt}` : ""}`;
        io.out(
          `${r.state.padEnd(9)} ${r.share}: ${r.member} reads ${r.environment} — ${where}${r.accessPoint ? ` (${r.accessPoint})` : ""}`,
        );
      }
      for (const n of status.notes) io.out(`·         ${n.share}: ${n.note}`);
      if (status.history.length > 0) io.out("\nhistory (recorded by the reconciler):");
      for (const e of status.history)
        io.out(
          `${e.at} ${e.event.padEnd(7)} ${e.share}: ${e.member} (${e.accessPoint}) at ${e.commit.slice(0, 12)} — ${e.reason}`,
        );
    });
}
