import { Command, CommanderError } from "commander";
import { isLabenvError } from "../core/errors.js";
import { registerAt } from "./commands/at.js";
import { registerAudit } from "./commands/audit.js";
import { registerBuild } from "./commands/build.js";
import { registerWhich } from "./commands/which.js";
import { registerOpen } from "./commands/open.js";
import { registerCodeowners } from "./commands/codeowners.js";
import { registerDrift } from "./commands/drift.js";
import { registerPrs } from "./commands/prs.js";
import { registerSandbox } from "./commands/sandbox.js";
import { registerSnapshot } from "./commands/snapshot.js";
import { registerRestore } from "./commands/restore.js";
import { registerDrill } from "./commands/drill.js";
import { registerShares } from "./commands/shares.js";
import { registerHistory } from "./commands/history.js";
import { registerImport } from "./commands/import.js";
import { registerLock } from "./commands/lock.js";
import { registerPacks } from "./commands/packs.js";
import { registerReconcile } from "./commands/reconcile.js";
import { registerStatus } from "./commands/status.js";
import { registerSuccessions } from "./commands/successions.js";
import { registerLease } from "./commands/lease.js";
import { registerCost } from "./commands/cost.js";
import { registerDashboard } from "./commands/dashboard.js";
import { registerSchema } from "./commands/schema.js";
import { registerValidate } from "./commands/validate.js";
import { processIO, type CliIO } from "./io.js";

/**
 * The labenv command line. Exit codes: 0 ok, 1 findings, 2 usage or internal
 * error. Every command prints human output by default and JSON with --json.
 */
export async function main(
  argv: string[],
  io: CliIO & { code: number } = processIO(),
): Promise<number> {
  const program = new Command("labenv")
    .description("GitOps for scientific Jupyter environments that stay exact for years")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError("(run `labenv --help` for usage)");
  registerValidate(program, io);
  registerSchema(program, io);
  registerLock(program, io);
  registerImport(program, io);
  registerPacks(program, io);
  registerCodeowners(program, io);
  registerReconcile(program, io);
  registerDrift(program, io);
  registerSandbox(program, io);
  registerSnapshot(program, io);
  registerRestore(program, io);
  registerDrill(program, io);
  registerShares(program, io);
  registerPrs(program, io);
  registerSuccessions(program, io);
  registerStatus(program, io);
  registerBuild(program, io);
  registerWhich(program, io);
  registerOpen(program, io);
  registerLease(program, io);
  registerCost(program, io);
  registerHistory(program, io);
  registerAt(program, io);
  registerAudit(program, io);
  registerDashboard(program, io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return io.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
        ? 0
        : 2;
    }
    if (isLabenvError(e)) {
      io.err(`labenv: ${e.message}${e.hint ? `\n  ${e.hint}` : ""}`);
      return 2;
    }
    io.err(`labenv: internal error: ${(e as Error)?.stack ?? String(e)}`);
    return 2;
  }
}
