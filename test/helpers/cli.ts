import { main } from "../../reconciler/cli/main.js";
import type { CliIO } from "../../reconciler/cli/io.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the labenv CLI in-process with captured output and a fixed date. */
export async function runCli(
  args: string[],
  options: { today?: string; now?: Date } = {},
): Promise<CliRun> {
  // A fixed date that still moves forward between and within calls, so runs order by time.
  let clock =
    (options.now ?? new Date("2026-11-23T12:00:00Z")).getTime() +
    Math.round(performance.now() * 1000);
  let stdout = "";
  let stderr = "";
  const io: CliIO & { code: number } = {
    code: 0,
    out: (t) => void (stdout += t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => void (stderr += t.endsWith("\n") ? t : `${t}\n`),
    exit: (c) => void (io.code = Math.max(io.code, c)),
    today: () => options.today ?? "2026-11-23",
    now: () => new Date((clock += 1000)),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
