import type { Command } from "commander";
import { SandboxContainers } from "../../adapters/sandbox/sandbox-observation.js";
import { SandboxProvider } from "../../adapters/sandbox/sandbox-provider.js";
import { EXEC_USAGE } from "../../adapters/sandbox/sandbox-exec.js";
import { driftObjects } from "../../core/drift/drift-objects.js";
import { LabenvError } from "../../core/errors.js";
import { openContext } from "../context.js";
import { stateDirOf } from "../drift-loop.js";
import type { CliIO } from "../io.js";

/** `labenv sandbox exec <lab/env> <command…>`: change what a simulated container runs, as a researcher would in a terminal. */
export function registerSandbox(program: Command, io: CliIO): void {
  const sandbox = program
    .command("sandbox")
    .description("the local simulation: act inside its running containers");
  sandbox
    .command("exec")
    .description(
      `run a command in an environment's running sandbox task; it shows up as drift. Commands:\n  ${EXEC_USAGE}`,
    )
    .argument("<environment>", "lab/env")
    .argument(
      "<command...>",
      "e.g. pip install requests==2.32.3 (put -- before options such as -y)",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print the change and the observation as JSON")
    .allowUnknownOption()
    .action(async (environment: string, words: string[], o: { repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      if (!(ctx.provider instanceof SandboxProvider))
        throw new LabenvError("usage", "labenv sandbox exec works on target: sandbox only");
      const provider = ctx.provider;
      const repository = ctx.repository;
      if (!repository.environments.has(environment))
        throw new LabenvError("usage", `there is no environment ${environment}`);
      const containers = new SandboxContainers({
        stateDir: stateDirOf(ctx),
        account: () => provider.account(),
        repository,
        objects: ctx.objects,
        now: io.now,
      });
      const { change, observation } = await containers.exec(
        environment,
        words.filter((w) => w !== "--"),
        ctx.index,
      );
      if (o.json) {
        io.out(JSON.stringify({ environment, change, observation }, null, 2));
        return;
      }
      const what =
        change.op === "pip-install"
          ? change.packages.length === 0
            ? "already installed: nothing changed"
            : `installed ${change.packages.map((p) => `${p.name} ${p.version}${p.previous ? ` (was ${p.previous})` : ""}`).join(", ")}`
          : `recorded ${change.op}`;
      io.out(`✓ ${environment} (task ${observation.metadata.task}): ${what}`);
      io.out(
        `  observation written to ${driftObjects.observation(environment)}; \`labenv drift\` compares it with the lock`,
      );
    });
}
