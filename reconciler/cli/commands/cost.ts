import type { Command } from "commander";
import { formatUsd } from "../../core/cost/estimate.js";
import { pricesFor } from "../../core/cost/prices.js";
import { desire } from "../../core/desire/desire.js";
import type { CliIO } from "../io.js";
import { loadWithConfig } from "../load.js";

/** `labenv cost`: the monthly estimate per environment, lab and funding source, from the checked-in price table. */
export function registerCost(program: Command, io: CliIO): void {
  program
    .command("cost")
    .description("estimate the monthly cost of every environment, by lab and funding source")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print as JSON")
    .action((o: { repo: string; json?: boolean }) => {
      const { repository } = loadWithConfig(o.repo);
      const prices = pricesFor(repository.config?.doc.spec.aws?.region);
      const { state } = desire(repository);
      const rows = state.environments.map((e) => {
        const env = repository.environments.get(e.key)!;
        return {
          environment: e.key,
          lab: e.lab,
          funding: env.doc.metadata.funding ?? "(none)",
          state: e.state,
          cpu: env.doc.spec.resources.cpu,
          memory: env.doc.spec.resources.memory,
          hoursPerWeek: env.doc.spec.schedule?.hoursPerWeek ?? 168,
          monthlyUsd: e.monthlyCostUsd,
        };
      });
      const sum = (key: "lab" | "funding") =>
        Object.entries(
          rows.reduce<Record<string, number>>(
            (m, r) => ({ ...m, [r[key]]: (m[r[key]] ?? 0) + r.monthlyUsd }),
            {},
          ),
        ).sort();
      if (o.json)
        return io.out(
          JSON.stringify(
            {
              prices,
              environments: rows,
              byLab: Object.fromEntries(sum("lab")),
              byFunding: Object.fromEntries(sum("funding")),
            },
            null,
            2,
          ),
        );
      io.out(
        `Monthly estimate (${prices.region} list prices as of ${prices.asOf}: Fargate $${prices.fargateVcpuHour}/vCPU-h + $${prices.fargateGbHour}/GB-h while running, EBS gp3 $${prices.ebsGp3GbMonth}/GB-month)`,
      );
      for (const r of rows)
        io.out(
          `  ${r.environment.padEnd(40)} ${r.state.padEnd(8)} ${String(r.cpu / 1024).padStart(4)} vCPU ${String(r.memory / 1024).padStart(4)} GiB ${String(r.hoursPerWeek).padStart(4)} h/week  ${formatUsd(r.monthlyUsd).padStart(10)}`,
        );
      io.out("by lab:");
      for (const [k, v] of sum("lab")) io.out(`  ${k.padEnd(40)} ${formatUsd(v).padStart(10)}`);
      io.out("by funding source:");
      for (const [k, v] of sum("funding")) io.out(`  ${k.padEnd(40)} ${formatUsd(v).padStart(10)}`);
      io.out(`total ${formatUsd(rows.reduce((s, r) => s + r.monthlyUsd, 0))}/month`);
    });
}
