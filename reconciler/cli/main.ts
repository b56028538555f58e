import { Command, CommanderError } from "commander";
import { isLabenvError } from "../core/errors.js";
import { processIO, type CliIO } from "./io.js";

type Register = (program: Command, io: CliIO) => void;

/**
 * Every command, in the order help lists them: the names it registers and how
 * to load its module. A command's module (and what only it needs) is loaded
 * when that command runs; help and unknown commands load them all.
 */
export const COMMANDS: readonly (readonly [
  names: readonly string[],
  load: () => Promise<Register>,
])[] = [
  [["validate"], async () => (await import("./commands/validate.js")).registerValidate],
  [["schema"], async () => (await import("./commands/schema.js")).registerSchema],
  [["lock"], async () => (await import("./commands/lock.js")).registerLock],
  [["import"], async () => (await import("./commands/import.js")).registerImport],
  [["packs"], async () => (await import("./commands/packs.js")).registerPacks],
  [["codeowners"], async () => (await import("./commands/codeowners.js")).registerCodeowners],
  [
    ["plan", "apply", "reconcile"],
    async () => (await import("./commands/reconcile.js")).registerReconcile,
  ],
  [["drift"], async () => (await import("./commands/drift.js")).registerDrift],
  [["sandbox"], async () => (await import("./commands/sandbox.js")).registerSandbox],
  [["snapshot"], async () => (await import("./commands/snapshot.js")).registerSnapshot],
  [["restore"], async () => (await import("./commands/restore.js")).registerRestore],
  [["drill"], async () => (await import("./commands/drill.js")).registerDrill],
  [["shares"], async () => (await import("./commands/shares.js")).registerShares],
  [["prs"], async () => (await import("./commands/prs.js")).registerPrs],
  [["successions"], async () => (await import("./commands/successions.js")).registerSuccessions],
  [["status"], async () => (await import("./commands/status.js")).registerStatus],
  [["build"], async () => (await import("./commands/build.js")).registerBuild],
  [["which"], async () => (await import("./commands/which.js")).registerWhich],
  [["open"], async () => (await import("./commands/open.js")).registerOpen],
  [["lease"], async () => (await import("./commands/lease.js")).registerLease],
  [["cost"], async () => (await import("./commands/cost.js")).registerCost],
  [["history"], async () => (await import("./commands/history.js")).registerHistory],
  [["at"], async () => (await import("./commands/at.js")).registerAt],
  [["audit"], async () => (await import("./commands/audit.js")).registerAudit],
  [["dashboard"], async () => (await import("./commands/dashboard.js")).registerDashboard],
];

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
  // The first word that is not an option names the command (labenv has no global options).
  const named = argv.find((a) => !a.startsWith("-"));
  const wanted = COMMANDS.filter(([names]) => named !== undefined && names.includes(named));
  try {
    const registers = await Promise.all(
      (wanted.length > 0 ? wanted : COMMANDS).map(([, load]) => load()),
    );
    for (const register of registers) register(program, io);
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
