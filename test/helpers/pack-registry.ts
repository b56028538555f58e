import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { parseDocument } from "yaml";
import { parsePrivateKey, signIndex } from "../../reconciler/core/packs/pack-signature.js";
import { runCli } from "./cli.js";
import { copyExampleRepo } from "./example-repo.js";

/** How the test registry server answers: normally, by dropping every connection, or not at all. */
export type ServerMode = "ok" | "reset" | "hang" | "500";

export interface RegistryServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  /** The directory served (what `labenv packs publish --out` wrote). */
  root: string;
  requests: string[];
  mode: ServerMode;
  close(): Promise<void>;
}

/** Serves a directory on a loopback port; `mode` makes it misbehave the ways real servers do. */
export async function serveRegistry(root: string): Promise<RegistryServer> {
  const requests: string[] = [];
  const state = { mode: "ok" as ServerMode };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    requests.push(path);
    if (state.mode === "reset") return void req.socket.destroy();
    if (state.mode === "hang") return;
    if (state.mode === "500") {
      res.writeHead(503, { "content-type": "text/plain" });
      return void res.end("maintenance");
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || path.endsWith("/")) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found");
    }
    res.writeHead(200, { "content-type": "application/yaml" });
    res.end(readFileSync(file));
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    root,
    requests,
    get mode() {
      return state.mode;
    },
    set mode(m: ServerMode) {
      state.mode = m;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * A pack version derived from the example repository's genomics@1.2.0, under
 * another name, version and trust level (plus any spec fields to set).
 */
export function writePack(
  repo: string,
  name: string,
  version: string,
  spec: Record<string, unknown> = {},
): void {
  const doc = parseDocument(
    readFileSync(join(repo, "domain-packs/genomics/1.2.0/pack.yaml"), "utf8"),
  );
  doc.setIn(["metadata", "name"], name);
  doc.setIn(["metadata", "version"], version);
  doc.setIn(["spec", "description"], `The ${name} stack, version ${version}.`);
  for (const [k, v] of Object.entries(spec)) doc.setIn(["spec", k], v);
  mkdirSync(join(repo, "domain-packs", name, version), { recursive: true });
  writeFileSync(join(repo, "domain-packs", name, version, "pack.yaml"), doc.toString());
}

/** A small Jupyter notebook with one markdown cell. */
export function notebook(title: string): string {
  return `${JSON.stringify({ cells: [{ cell_type: "markdown", metadata: {}, source: [`# ${title}`] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

/** Writes example notebooks into a pack version's examples/ and lists them (with sha256) in its pack.yaml. */
export function writeExamples(
  repo: string,
  name: string,
  version: string,
  notebooks: Record<string, string>,
): void {
  const dir = join(repo, "domain-packs", name, version);
  mkdirSync(join(dir, "examples"), { recursive: true });
  for (const [file, content] of Object.entries(notebooks))
    writeFileSync(join(dir, "examples", file), content);
  const doc = parseDocument(readFileSync(join(dir, "pack.yaml"), "utf8"));
  doc.setIn(
    ["spec", "examples"],
    Object.entries(notebooks).map(([file, content]) => ({
      file,
      sha256: `sha256:${createHash("sha256").update(content).digest("hex")}`,
    })),
  );
  writeFileSync(join(dir, "pack.yaml"), doc.toString());
}

export interface Publisher {
  repo: string;
  /** Where `packs publish` wrote the registry. */
  site: string;
  keyFile: string;
  keyId: string;
  publicKey: string;
}

/**
 * A research computing group's repository with its own packs (astro: 1.0.0
 * deprecated, 1.1.0, 1.2.0 yanked, 1.3.0; chem 0.3.0 community; genomics 2.1.0 besides
 * the example's genomics), a signing key
 * and the registry `labenv packs publish` writes from it.
 */
export async function makePublisher(keyId = "astro-rc-2026"): Promise<Publisher> {
  const repo = copyExampleRepo();
  writePack(repo, "astro", "1.0.0", { deprecated: { use: "astro@^1.1", reason: "old NumPy" } });
  writePack(repo, "astro", "1.1.0");
  writePack(repo, "astro", "1.2.0", { yanked: { reason: "broken image" } });
  writePack(repo, "astro", "1.3.0");
  writePack(repo, "chem", "0.3.0", { trust: "community" });
  writePack(repo, "genomics", "2.1.0");
  await mustRun(["packs", "index", "--repo", repo]);
  const keys = mkdtempSync(join(tmpdir(), "labenv-keys-"));
  const keyFile = join(keys, `${keyId}.pem`);
  const gen = await mustRun(["packs", "keygen", "--id", keyId, "--out", keyFile, "--json"]);
  const { publicKey } = JSON.parse(gen) as { publicKey: string };
  const site = mkdtempSync(join(tmpdir(), "labenv-site-"));
  await mustRun([
    "packs",
    "publish",
    "--repo",
    repo,
    "--out",
    site,
    "--key",
    keyFile,
    "--key-id",
    keyId,
  ]);
  return { repo, site, keyFile, keyId, publicKey };
}

/**
 * Signs a registry's edited `registry.yaml` again with the publisher's key, as `labenv packs
 * publish` would: for tests where the publisher itself changed its index (a yank, a rollback).
 */
export function resignIndex(
  site: string,
  publisher: Pick<Publisher, "keyFile" | "keyId">,
  published = new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
): void {
  const index = join(site, "registry.yaml");
  const doc = parseDocument(readFileSync(index, "utf8"));
  const spec = (doc.toJS() as { spec: unknown }).spec;
  const key = parsePrivateKey(readFileSync(publisher.keyFile, "utf8"))!;
  doc.setIn(["metadata", "published"], published);
  doc.setIn(["metadata", "signature"], signIndex(key, publisher.keyId, published, spec));
  writeFileSync(index, doc.toString());
}

/** The example repository configured to read `url` as registry `name`, trusting `keys`. */
export function makeConsumer(
  registries: Record<string, unknown>[],
  keys: Record<string, unknown>[],
  options: { requireSignatures?: boolean } = {},
): string {
  const repo = copyExampleRepo();
  const path = join(repo, "labenv.yaml");
  const doc = parseDocument(readFileSync(path, "utf8"));
  doc.setIn(["spec", "packRegistries"], registries);
  doc.setIn(["spec", "packTrust"], {
    ...(options.requireSignatures === undefined
      ? {}
      : { requireSignatures: options.requireSignatures }),
    keys,
  });
  writeFileSync(path, doc.toString());
  return repo;
}

async function mustRun(args: string[]): Promise<string> {
  const r = await runCli(args);
  if (r.code !== 0)
    throw new Error(`labenv ${args.join(" ")} failed (${r.code}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}
