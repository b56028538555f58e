import type { Command } from "commander";
import { readShareCopies } from "../../core/shares/snapshot-share-copies.js";
import { shareStatus } from "../../core/shares/share-status.js";
import { openContext } from "../context.js";
import type { CliIO } from "../io.js";
import { cloneShare } from "../share-clone.js";

/** `labenv shares [--json]`: every read-only share and hand-over access, as granted now. */
export function registerShares(program: Command, io: CliIO): void {
  const shares = program.command("shares");
  shares
    .command("clone")
    .description(
      "write the receiving lab's own copy of a clone share (restored from the snapshot taken at share time) for a pull request",
    )
    .argument("<share>", "lab/name of the clone share")
    .option("--as <name>", "the copy's name in the receiving lab (default: <env>-from-<lab>)")
    .option(
      "--owner <member>",
      "the receiving member who owns it (default: the one the share names)",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print what was written as JSON")
    .action(
      async (id: string, o: { as?: string; owner?: string; repo: string; json?: boolean }) => {
        const ctx = openContext(o.repo, io.now);
        const c = await cloneShare(ctx, id, {
          ...(o.as ? { as: o.as } : {}),
          ...(o.owner ? { owner: o.owner } : {}),
          today: io.today(),
        });
        if (o.json) return io.out(JSON.stringify(c, null, 2));
        io.out(
          `✓ wrote ${c.environment} (owner ${c.owner}), a copy of share ${c.share} from its snapshot ${c.snapshot} (taken ${c.capturedAt}):`,
        );
        for (const f of c.files) io.out(`    ${f}`);
        io.out(
          "  commit it in a pull request of the receiving lab; after the merge the reconciler restores its packages and home as they were at share time",
        );
      },
    );
  shares
    .command("list", { isDefault: true })
    .description(
      "every read-only share and a predecessor's hand-over access: granted, pending (the next reconcile creates it) or revoking, shares that grant nobody, and each grant and revoke with its time",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print JSON")
    .action(async (o: { repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const observed = await ctx.provider.observe();
      const events = await ctx.state.listShareEvents();
      const status = shareStatus(
        ctx.repository,
        observed.resources,
        io.today(),
        events,
        await readShareCopies(ctx.objects),
        new Map((await ctx.state.listSuccessions()).map((r) => [r.succession, r.environments])),
      );
      if (o.json) return io.out(JSON.stringify(status, null, 2));
      if (status.access.length === 0 && status.notes.length === 0 && status.history.length === 0)
        return io.out("no shares");
      for (const r of status.access) {
        const where =
          r.state === "revoking"
            ? r.reason
            : `${r.mountPath} read-only in ${r.mountedIn.join(", ")}${r.until ? `, until ${r.until}` : ""}${r.grantedAt ? `, granted ${r.grantedAt}` : ""}`;
        io.out(
          `${r.state.padEnd(9)} ${r.share}: ${r.member} reads ${r.environment}${r.snapshot ? ` as of its snapshot ${r.snapshot}` : ""} — ${where}${r.accessPoint ? ` (${r.accessPoint})` : ""}`,
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
