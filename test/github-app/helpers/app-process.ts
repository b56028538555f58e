import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { repoRoot } from "../../helpers/example-repo.js";
import { APP_ID, WEBHOOK_SECRET, privateKey } from "./test-probot.js";

/** A GitHub API stand-in on loopback (GitHub Enterprise Server's `/api/v3` layout) answering `route`. */
export async function githubStandIn(
  route: (req: IncomingMessage, body: string, res: ServerResponse) => void,
): Promise<{ host: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => route(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface AppProcess {
  child: ChildProcess;
  /** Set once the process has exited. */
  exitCode: number | null | undefined;
  /** The webhook URL, once the server listens. */
  url: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
}

/** The app's environment for a test: the test app's credentials, loopback only. */
export function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    APP_ID: String(APP_ID),
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    LABENV_GITHUB_REPOSITORY: "westtek-research/labs",
    ...extra,
  };
}

/** Starts the app as `npm run app` runs it (`command`: that script's argv, or npm itself). */
export function startApp(env: NodeJS.ProcessEnv, command = appCommand()): AppProcess {
  const child = spawn(command[0]!, command.slice(1), { cwd: repoRoot, env, stdio: "pipe" });
  let out = "";
  let err = "";
  let resolveUrl!: (u: string) => void;
  const url = new Promise<string>((resolve) => (resolveUrl = resolve));
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    const m = /labenv app listening on (http:\/\/\S+?)["\s]/.exec(out);
    if (m) resolveUrl(m[1]!);
  });
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const proc: AppProcess = {
    child,
    exitCode: undefined,
    url,
    exited: new Promise((resolve) =>
      child.on("exit", (code, signal) => {
        proc.exitCode = code;
        resolve({ code, signal });
      }),
    ),
    stdout: () => out,
    stderr: () => err,
  };
  return proc;
}

/** What `npm run app` runs, read from package.json's script. */
export function appCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const argv = pkg.scripts.app!.split(/\s+/);
  const [bin, ...args] = argv[0] === "exec" ? argv.slice(1) : argv;
  return [bin === "node" ? bin : join(repoRoot, "node_modules/.bin", bin!), ...args];
}
