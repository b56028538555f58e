import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One release of a project on the loopback index. */
export interface LoopbackRelease {
  readonly requires?: readonly string[];
  readonly requiresPython?: string;
}

export interface LoopbackPypi {
  /** `http://127.0.0.1:<port>`: the base URL of the JSON API. */
  readonly url: string;
  /** Every path asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** The digest the loopback index gives a file: sha256 of its name. */
export function loopbackSha(filename: string): string {
  return createHash("sha256").update(filename).digest("hex");
}

/**
 * A PyPI-compatible index on 127.0.0.1: the JSON API (`/pypi/<name>/json`,
 * `/pypi/<name>/<version>/json`) and the simple API (`/simple/<name>/`, HTML)
 * for the given projects, one pure-Python wheel per release; everything else
 * answers 404 `{"message": "Not Found"}` as PyPI does.
 */
export async function startLoopbackPypi(
  projects: Readonly<Record<string, Readonly<Record<string, LoopbackRelease>>>>,
): Promise<LoopbackPypi> {
  const requests: string[] = [];
  const file = (name: string, version: string, release: LoopbackRelease) => {
    const filename = `${name.replaceAll("-", "_")}-${version}-py3-none-any.whl`;
    return {
      filename,
      packagetype: "bdist_wheel",
      digests: { sha256: loopbackSha(filename) },
      requires_python: release.requiresPython ?? null,
      yanked: false,
      upload_time_iso_8601: "2024-06-01T00:00:00.000000Z",
      url: `https://files.example/${filename}`,
    };
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push(path);
    const send = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "Content-Type": type });
      res.end(body);
    };
    const json = /^\/pypi\/([^/]+)\/(?:([^/]+)\/)?json$/.exec(path);
    const simple = /^\/simple\/([^/]+)\/$/.exec(path);
    const name = json?.[1] ?? simple?.[1];
    const project =
      name !== undefined && Object.hasOwn(projects, name) ? projects[name] : undefined;
    if (!project || !name) return send(404, JSON.stringify({ message: "Not Found" }));
    const versions = Object.keys(project);
    if (simple)
      return send(
        200,
        `<!DOCTYPE html><html><body>${versions.map((v) => `<a href="https://files.example/${file(name, v, project[v]!).filename}">${file(name, v, project[v]!).filename}</a>`).join("")}</body></html>`,
        "text/html",
      );
    const version = json?.[2];
    if (version === undefined)
      return send(
        200,
        JSON.stringify({
          info: { name, version: versions[versions.length - 1] },
          releases: Object.fromEntries(versions.map((v) => [v, [file(name, v, project[v]!)]])),
        }),
      );
    const release = project[version];
    if (!release) return send(404, JSON.stringify({ message: "Not Found" }));
    send(
      200,
      JSON.stringify({
        info: {
          name,
          version,
          requires_dist: release.requires ?? null,
          requires_python: release.requiresPython ?? null,
          yanked: false,
        },
        urls: [file(name, version, release)],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
