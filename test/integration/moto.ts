// A moto server for integration tests. With LABENV_MOTO_ENDPOINT set, tests
// use that server (run the files one at a time then: every test resets it).
// Otherwise each test file starts its own `moto_server` on a free 127.0.0.1
// port and stops it afterwards. Nothing here reaches the internet.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface MotoServer {
  readonly endpoint: string;
  /** Clears every resource (`POST /moto-api/reset`) and makes ECS task states advance only when told. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

/** `env`: extra settings for a moto of our own (e.g. `INITIAL_NO_AUTH_ACTION_COUNT`, to have it enforce IAM). */
export async function startMoto(env: Record<string, string> = {}): Promise<MotoServer> {
  const shared = process.env.LABENV_MOTO_ENDPOINT;
  if (shared !== undefined && shared !== "" && Object.keys(env).length === 0) {
    const endpoint = shared.replace(/\/$/, "");
    if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(endpoint))
      throw new Error(`LABENV_MOTO_ENDPOINT must be a local http endpoint, got ${endpoint}`);
    await waitUntilAnswering(endpoint, undefined);
    return { endpoint, reset: () => reset(endpoint), stop: async () => {} };
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, MOTO_EC2_LOAD_DEFAULT_AMIS: "false", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on(
    "data",
    (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)),
  );
  try {
    await waitUntilAnswering(endpoint, child);
  } catch (e) {
    await stopChild(child);
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  return { endpoint, reset: () => reset(endpoint), stop: () => stopChild(child) };
}

/**
 * Starts moto before the file's tests, resets it before each test and stops it
 * after the file. `warmUp` runs once after start: moto's first EC2 and Tagging
 * API calls take seconds, which should not count against one test.
 */
export function useMoto(options: { warmUp?: (endpoint: string) => Promise<void> } = {}): {
  readonly endpoint: string;
} {
  let server: MotoServer | undefined;
  beforeAll(async () => {
    server = await startMoto();
    await options.warmUp?.(server.endpoint);
  });
  beforeEach(async () => {
    await server?.reset();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get endpoint(): string {
      if (server === undefined)
        throw new Error("moto is not running (useMoto() hooks have not run)");
      return server.endpoint;
    },
  };
}

async function reset(endpoint: string): Promise<void> {
  await post(`${endpoint}/moto-api/reset`, undefined);
  await post(`${endpoint}/moto-api/state-manager/set-transition`, {
    model_name: "ecs::task",
    transition: { progression: "manual", times: 1_000_000 },
  });
}

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  });
  if (!res.ok) throw new Error(`moto answered ${res.status} to POST ${url}`);
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess | undefined,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child !== undefined && child.exitCode !== null)
      throw new Error(
        `moto_server exited with ${child.exitCode} (is moto installed? pip install 'moto[server]')`,
      );
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto did not answer at ${endpoint} within ${READY_TIMEOUT_MS / 1000}s`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Stops the moto we started: its own process group, by id. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 3000);
  await exited;
  clearTimeout(timer);
}
