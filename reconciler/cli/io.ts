/** What a CLI command may touch besides files: output, exit code and the date. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
  /** Today as `YYYY-MM-DD` (UTC). */
  today(): string;
  now(): Date;
}

export function processIO(): CliIO & { code: number } {
  const io = {
    code: 0,
    out: (t: string) => void process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    err: (t: string) => void process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
    exit: (c: number) => void (io.code = Math.max(io.code, c)),
    today: () => new Date().toISOString().slice(0, 10),
    now: () => new Date(),
  };
  return io;
}
