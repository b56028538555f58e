import { main } from "../../reconciler/cli/main.js";
import type { CliIO } from "../../reconciler/cli/io.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where each start date's clock stopped (per test file: each file has its own module). */
const CLOCKS = new Map<number, number>();

/** Runs the labenv CLI in-process with captured output and a fixed date. */
export async function runCli(
  args: string[],
  options: { today?: string; now?: Date } = {},
): Promise<CliRun> {
  // A fixed date that moves a second a call, on from where the last run from the same date
  // stopped, so runs order by time. (Not from the wall clock: a clock running a thousand times
  // faster than real time would leave the sandbox's environments idle within seconds.)
  const start = (options.now ?? new Date("2026-11-23T12:00:00Z")).getTime();
  let clock = Math.max(start, CLOCKS.get(start) ?? 0);
  let stdout = "";
  let stderr = "";
  const io: CliIO & { code: number } = {
    code: 0,
    out: (t) => void (stdout += t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => void (stderr += t.endsWith("\n") ? t : `${t}\n`),
    exit: (c) => void (io.code = Math.max(io.code, c)),
    today: () => options.today ?? "2026-11-23",
    now: () => {
      clock += 1000;
      CLOCKS.set(start, clock);
      return new Date(clock);
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
