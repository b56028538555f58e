import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

/** One distribution file of a release, as a test describes it. */
export interface ServedFile {
  filename: string;
  /** Default: sha256 of the file name (test data, not a real file's hash). */
  sha256?: string;
  /** `upload_time_iso_8601`; default 2024-01-01T00:00:00.000000Z. */
  uploadTime?: string;
  yanked?: boolean;
  requiresPython?: string;
}

export interface ServedRelease {
  version: string;
  requires?: string[];
  requiresPython?: string;
  /** Every file yanked (PEP 592), with this reason. */
  yanked?: string;
  /** Default: one `<name>-<version>-py3-none-any.whl`. */
  files?: ServedFile[];
}

export interface PypiServer {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request path, in order. */
  requests: string[];
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL("../fixtures/pypi/", import.meta.url));

/** sha256 of a file's name: the hash these tests give a file they never had the bytes of. */
export function nameSha(filename: string): string {
  return createHash("sha256").update(filename).digest("hex");
}

/**
 * The one PyPI-compatible index the tests use, on a loopback port (127.0.0.1; nothing reaches the
 * internet). The JSON API — `GET /pypi/<name>/json` and `GET /pypi/<name>/<version>/json` —
 * is answered from `projects` (built into the JSON API's shape) or else from
 * test/fixtures/pypi/ when `fixtures` is set; the simple API (`GET /simple/<name>/`, PEP 503
 * HTML) lists the files of `projects`. Anything else is 404 `{"message": "Not Found"}`, as on
 * pypi.org. A query string is ignored, as PyPI ignores it.
 */
export async function pypiServer(
  projects: Record<string, ServedRelease[]>,
  options: { fixtures?: boolean } = {},
): Promise<PypiServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push(path);
    const page = simplePage(projects, path);
    if (page !== undefined) {
      res.writeHead(200, { "Content-Type": "text/html" }).end(page);
      return;
    }
    const body = answer(projects, options.fixtures ?? false, path);
    if (body === undefined)
      res
        .writeHead(404, { "Content-Type": "application/json" })
        .end(JSON.stringify({ message: "Not Found" }));
    else res.writeHead(200, { "Content-Type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** PEP 503: one anchor per file of every release, for `/simple/<name>/`. */
function simplePage(projects: Record<string, ServedRelease[]>, path: string): string | undefined {
  const name = /^\/simple\/([^/]+)\/$/.exec(path)?.[1];
  const releases = name !== undefined && Object.hasOwn(projects, name) ? projects[name] : undefined;
  if (!name || !releases) return undefined;
  const anchors = releases
    .flatMap((r) => files(name, r))
    .map((f) => `<a href="${f.url}#sha256=${f.digests.sha256}">${f.filename}</a>`);
  return `<!DOCTYPE html><html><body>${anchors.join("")}</body></html>`;
}

function answer(
  projects: Record<string, ServedRelease[]>,
  fixtures: boolean,
  path: string,
): string | undefined {
  const m = /^\/pypi\/([^/]+)\/(?:([^/]+)\/)?json$/.exec(path);
  if (!m) return undefined;
  const name = m[1]!;
  const version = m[2] && decodeURIComponent(m[2]);
  const releases = Object.hasOwn(projects, name) ? projects[name] : undefined;
  if (releases) {
    if (version === undefined) return JSON.stringify(projectJson(name, releases));
    const r = releases.find((x) => x.version === version);
    return r && JSON.stringify(releaseJson(name, r));
  }
  if (!fixtures) return undefined;
  const file = `${FIXTURES}${version === undefined ? name : `${name}/${version}`}.json`;
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function files(name: string, r: ServedRelease) {
  const list = r.files ?? [
    { filename: `${name.replace(/-/g, "_")}-${r.version}-py3-none-any.whl` },
  ];
  return list.map((f) => {
    const sha256 = f.sha256 ?? nameSha(f.filename);
    const uploaded = f.uploadTime ?? "2024-01-01T00:00:00.000000Z";
    return {
      filename: f.filename,
      packagetype: f.filename.endsWith(".whl") ? "bdist_wheel" : "sdist",
      digests: { sha256, md5: sha256.slice(0, 32) },
      requires_python: f.requiresPython ?? r.requiresPython ?? null,
      upload_time: uploaded.replace(/\.\d+Z$/, "").replace(/Z$/, ""),
      upload_time_iso_8601: uploaded,
      url: `https://files.example.invalid/${f.filename}`,
      yanked: f.yanked === true || r.yanked !== undefined,
      yanked_reason: r.yanked ?? null,
    };
  });
}

function info(name: string, r: ServedRelease) {
  return {
    name,
    version: r.version,
    requires_dist: r.requires ?? null,
    requires_python: r.requiresPython ?? null,
    summary: "",
    yanked: r.yanked !== undefined,
    yanked_reason: r.yanked ?? null,
  };
}

function projectJson(name: string, releases: ServedRelease[]) {
  const latest = releases[releases.length - 1]!;
  return {
    info: info(name, latest),
    releases: Object.fromEntries(releases.map((r) => [r.version, files(name, r)])),
    urls: files(name, latest),
  };
}

function releaseJson(name: string, r: ServedRelease) {
  return { info: info(name, r), urls: files(name, r) };
}
