import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nock from "nock";
import type {
  IndexVersion,
  PackageIndexData,
} from "../../../reconciler/core/lock/package-index.js";

/** Trimmed PyPI JSON API responses, see test/fixtures/pypi/README.md. */
export const PYPI_FIXTURES = fileURLToPath(new URL("../../fixtures/pypi/", import.meta.url));
export const PYPI = "https://pypi.org";

export function pypiJson(path: string): string {
  return readFileSync(`${PYPI_FIXTURES}${path}.json`, "utf8");
}

/** The digest the fixtures give a file: sha256 of its name (see the README). */
export function fixtureSha(filename: string): string {
  return createHash("sha256").update(filename).digest("hex");
}

/**
 * Serves each fixture once at its JSON API path: `requests` → /pypi/requests/json,
 * `requests/2.32.3` → /pypi/requests/2.32.3/json. Every mock must be used.
 */
export function servePypi(paths: readonly string[], base = PYPI): nock.Scope {
  const scope = nock(base);
  for (const p of paths)
    scope.get(`/pypi/${p}/json`).reply(200, pypiJson(p), { "Content-Type": "application/json" });
  return scope;
}

/** Every fixture as one complete index: what the resolver would see with nothing left out. */
export function fullFixtureIndex(
  pick: (files: { filename: string; sha256: string }[]) => string | undefined,
): PackageIndexData {
  const out = new Map<string, IndexVersion[]>();
  for (const entry of readdirSync(PYPI_FIXTURES, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const versions: IndexVersion[] = [];
    for (const f of readdirSync(`${PYPI_FIXTURES}${entry.name}`)) {
      const doc = JSON.parse(readFileSync(`${PYPI_FIXTURES}${entry.name}/${f}`, "utf8")) as {
        info: {
          version: string;
          requires_dist: string[] | null;
          requires_python: string | null;
          yanked: boolean;
        };
        urls: { filename: string; digests: { sha256: string } }[];
      };
      const sha256 = pick(
        doc.urls.map((u) => ({ filename: u.filename, sha256: u.digests.sha256 })),
      );
      versions.push({
        version: doc.info.version,
        requires: doc.info.requires_dist ?? [],
        ...(doc.info.yanked ? { yanked: true } : {}),
        ...(doc.info.requires_python ? { requiresPython: doc.info.requires_python } : {}),
        ...(sha256 ? { sha256 } : {}),
      });
    }
    out.set(entry.name, versions);
  }
  return out;
}
