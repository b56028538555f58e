import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { installationEvent, pushEvent } from "./helpers/payloads.js";
import { appEnv, githubStandIn, startApp, type AppProcess } from "./helpers/app-process.js";
import { WEBHOOK_SECRET } from "./helpers/test-probot.js";
import { post, sign } from "./helpers/webhook-server.js";

// `npm run app` as a process: its refusals, its input limit and its signals (issue 14, items 10–12).
const running: AppProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) if (p.exitCode === undefined) p.child.kill("SIGKILL");
});
function start(env: NodeJS.ProcessEnv, command?: string[]): AppProcess {
  const p = startApp(env, command);
  running.push(p);
  return p;
}

describe("bad credentials", () => {
  it.each([
    [{ APP_ID: "my-app" }, /APP_ID must be the app's numeric id, not "my-app"/],
    [{ APP_ID: "" }, /APP_ID is not set/],
    [
      { PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----" },
      /PRIVATE_KEY does not hold an RSA private key/,
    ],
    [{ WEBHOOK_SECRET: "" }, /WEBHOOK_SECRET is not set/],
    [
      { LABENV_GITHUB_REPOSITORY: "", LABENV_RECONCILER_FUNCTION: "labenv-reconciler" },
      /LABENV_RECONCILER_FUNCTION is set but LABENV_GITHUB_REPOSITORY is not/,
    ],
  ])(
    "%o: refuses to start (exit 2) instead of Probot's setup mode",
    async (extra, message) => {
      const app = start(appEnv(extra));
      const exit = await app.exited;
      expect(exit.code).toBe(2);
      expect(app.stderr()).toMatch(message);
      expect(app.stdout()).not.toContain("listening");
    },
    30_000,
  );
});

/** Sends `total` bytes to the webhook in 1 MiB chunks; resolves with the status and how much was written by then. */
function postBytes(
  url: string,
  total: number,
  declared: boolean,
): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let written = 0;
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "push",
        "x-github-delivery": "d-big",
        "x-hub-signature-256": "sha256=" + "0".repeat(64),
        ...(declared ? { "content-length": String(total) } : {}),
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
      req.destroy();
    });
    // A connection cut before the answer was read is a failure to see, not a wait forever.
    req.on("error", (e) =>
      answered ? undefined : written > 0 ? resolve({ status: 0, written }) : reject(e),
    );
    const pump = () => {
      while (written < total && !answered) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("an oversized delivery", () => {
  it("is refused with 413 as it streams, before it is buffered, and the server keeps answering", async () => {
    const app = start(appEnv());
    const url = await app.url;
    const MiB = 1024 * 1024;
    const declared = await postBytes(url, 300 * MiB, true);
    expect(declared.status).toBe(413);
    expect(declared.written).toBeLessThan(100 * MiB);
    const streamed = await postBytes(url, 300 * MiB, false);
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(100 * MiB);
    const body = JSON.stringify(installationEvent("created"));
    const ok = await post(url, "installation", "d-ok", body, sign(body, WEBHOOK_SECRET));
    expect(ok.status).toBe(200);
  }, 180_000);
});

describe("signals", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s: the work in flight finishes, then the process exits 0",
    async (signal) => {
      const statuses: { state: string }[] = [];
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let firstStatus!: () => void;
      const statusArrived = new Promise<void>((r) => (firstStatus = r));
      const github = await githubStandIn((req, body, res) => {
        if (req.url?.endsWith("/access_tokens"))
          return void res
            .writeHead(201, { "content-type": "application/json" })
            .end(JSON.stringify({ token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" }));
        if (req.method === "POST" && /\/statuses\//.test(req.url ?? "")) {
          statuses.push(JSON.parse(body) as { state: string });
          const answer = () =>
            res.writeHead(201, { "content-type": "application/json" }).end('{"id":1}');
          if (statuses.length === 1) {
            firstStatus();
            return void held.then(answer);
          }
          return answer();
        }
        res.writeHead(404).end();
      });
      try {
        const app = start(appEnv({ GHE_HOST: github.host, GHE_PROTOCOL: "http" }));
        const url = await app.url;
        const body = JSON.stringify(pushEvent({ ref: "refs/heads/main", after: "d".repeat(40) }));
        const answered = await post(url, "push", `d-${signal}`, body, sign(body, WEBHOOK_SECRET));
        expect(answered.status).toBe(200); // answered at once, the work goes on
        await statusArrived;
        app.child.kill(signal);
        const early = await Promise.race([
          app.exited.then(() => "exited"),
          new Promise((r) => setTimeout(() => r("still running"), 700)),
        ]);
        expect(early).toBe("still running");
        release();
        const exit = await app.exited;
        expect(exit.code).toBe(0);
        expect(statuses.map((s) => s.state)).toEqual(["pending", "error"]);
      } finally {
        release();
        await github.close();
      }
    },
    60_000,
  );
});

describe("npm run app under a process manager", () => {
  it("SIGTERM to npm stops the server too (no orphan keeps answering)", async () => {
    const app = start(appEnv(), ["npm", "run", "--silent", "app"]);
    const url = await app.url;
    const ping = url.replace("/api/github/webhooks", "/ping");
    expect(await (await fetch(ping)).text()).toBe("PONG");
    app.child.kill("SIGTERM");
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    await expect(fetch(ping)).rejects.toThrow();
  }, 60_000);
});
