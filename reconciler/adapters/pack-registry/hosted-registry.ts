import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LabenvError } from "../../core/errors.js";
import { sha256Hex } from "../../core/lock/canonical.js";
import { loadRepository } from "../../core/load/load-repository.js";
import { MAX_FILE_BYTES } from "../../core/load/parse-yaml.js";
import type { DomainPackRegistry, Loaded, RepoConfig } from "../../core/model/documents.js";
import { judgeIndexFreshness, type IndexSeen } from "../../core/packs/index-freshness.js";
import { judgeIndex, type PackRegistryConfig } from "../../core/packs/trust-policy.js";
import type { SchemaCheck } from "../../core/validate/schema-validator.js";
import { parseGitLocation, readGitFile, type GitLocation } from "./git-location.js";
import { readCapped } from "../http/read-capped.js";

export interface HostedRegistryOptions {
  /** Per request, body included (default 10 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Where `tokenEnv` is looked up (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** labenv.yaml: whose signatures on the index count (`packTrust`). */
  config?: RepoConfig["spec"] | undefined;
  /** The newest signed index recorded from this registry: an older one is refused as a replay. */
  newestSeen?: IndexSeen | undefined;
}

export interface FetchedPack {
  pack: Loaded<"DomainPack">;
  /** The pack file's text as the registry served it. */
  text: string;
  url: string;
}

/**
 * A registry published elsewhere, read over HTTP(S) or from a `file://`
 * directory: `registry.yaml` (a DomainPackRegistry, with signatures) and
 * `<pack>/<version>/pack.yaml`. Every read is bounded in size (the loader's
 * 1 MiB per file) and time; both files go through the same loader, schema and
 * limits as the repository's own, so a hostile registry gets the same
 * positioned findings a hostile pull request would. A registry that cannot be
 * reached is "down", never a crash: vendored packs keep working without it.
 */
export class HostedRegistry {
  private readonly base: string;
  private readonly git: GitLocation | undefined;

  constructor(
    readonly config: PackRegistryConfig,
    private readonly check: SchemaCheck,
    private readonly options: HostedRegistryOptions = {},
  ) {
    this.base = config.url.endsWith("/") ? config.url : `${config.url}/`;
    this.git = parseGitLocation(config.url);
  }

  urlOf(path: string): string {
    if (this.git)
      return `${this.config.url.split("#")[0]}#${this.git.ref}:${this.git.dir ? `${this.git.dir}/` : ""}${path}`;
    return new URL(path, this.base).toString();
  }

  async index(): Promise<DomainPackRegistry> {
    const url = this.urlOf("registry.yaml");
    const text = await this.read(url, "its index");
    const doc = this.load("domain-packs/registry.yaml", text, url).registry;
    if (!doc) throw this.malformed(url, "it is not a DomainPackRegistry");
    // Nothing an index says is used before its signature (when it has one, or must) is proved.
    const trusted = judgeIndex(this.options.config, this.config, doc.doc);
    if (!trusted.ok)
      throw new LabenvError("config", `${trusted.message} (${trusted.code}, ${url})`, {
        hint: `nothing was changed; ${trusted.hint}`,
      });
    const fresh = judgeIndexFreshness(this.config.name, doc.doc, this.options.newestSeen);
    if (!fresh.ok)
      throw new LabenvError("config", `${fresh.message} (${fresh.code}, ${url})`, {
        hint: `nothing was changed; ${fresh.hint}`,
      });
    return doc.doc;
  }

  async pack(name: string, version: string): Promise<FetchedPack> {
    const url = this.urlOf(`${encodeURIComponent(name)}/${encodeURIComponent(version)}/pack.yaml`);
    const text = await this.read(url, `${name}@${version}`);
    const pack = this.load(`domain-packs/${name}/${version}/pack.yaml`, text, url).packs.get(
      `${name}@${version}`,
    );
    if (!pack) throw this.malformed(url, `it is not the DomainPack ${name}@${version}`);
    return { pack, text, url };
  }

  /**
   * One example notebook of a version, refused unless it has the sha256 the version's pack.yaml
   * lists (the pack's checksum and signature cover that list, so the notebook is as published).
   */
  async example(name: string, version: string, file: string, sha256: string): Promise<string> {
    const url = this.urlOf(
      `${encodeURIComponent(name)}/${encodeURIComponent(version)}/examples/${encodeURIComponent(file)}`,
    );
    const text = await this.read(url, `${name}@${version}'s example ${file}`);
    const served = `sha256:${sha256Hex(text)}`;
    if (served !== sha256)
      throw new LabenvError(
        "config",
        `refusing ${name}@${version}: its example ${file} has sha256 ${served}, not the ${sha256} its signed pack.yaml lists (pack-example, ${url})`,
        {
          hint: "nothing was changed; the notebook was altered after it was published: tell the registry's maintainers",
        },
      );
    return text;
  }

  private load(path: string, text: string, url: string) {
    const { repository, diagnostics } = loadRepository([{ path, content: text }], this.check);
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0)
      throw this.malformed(
        url,
        errors
          .slice(0, 5)
          .map((d) => `${d.line}:${d.column} ${d.message}`)
          .join("; "),
      );
    return repository;
  }

  private malformed(url: string, why: string): LabenvError {
    return new LabenvError(
      "io",
      `pack registry \`${this.config.name}\` served a bad ${url}: ${why}`,
      {
        hint: "nothing was changed; tell the registry's maintainers",
      },
    );
  }

  private down(url: string, why: string, cause?: unknown): LabenvError {
    return new LabenvError(
      "io",
      `pack registry \`${this.config.name}\` is down or unreachable (${url}: ${why})`,
      {
        cause,
        hint: "nothing was changed; the packs already in domain-packs/ keep working without it. Try again later, or check `packRegistries` in labenv.yaml",
      },
    );
  }

  private async read(url: string, what: string): Promise<string> {
    if (this.git) return this.readGit(url, what);
    if (url.startsWith("file:")) return this.readFile(url, what);
    const headers: Record<string, string> = { Accept: "application/yaml, text/plain, */*" };
    if (this.config.tokenEnv) {
      const token = (this.options.env ?? process.env)[this.config.tokenEnv];
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    const doFetch = this.options.fetch ?? fetch;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw this.down(url, networkReason(e, timeoutMs), e);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new LabenvError(
        "usage",
        `pack registry \`${this.config.name}\` has no ${what} (${url}: HTTP 404)`,
        {
          hint:
            what === "its index"
              ? "check the registry's url in labenv.yaml: it must be the directory holding registry.yaml"
              : "`labenv packs browse` lists what it publishes",
        },
      );
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw this.down(url, `HTTP ${response.status}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new LabenvError(
        "config",
        `pack registry \`${this.config.name}\` refused ${url} (HTTP ${response.status})`,
        {
          hint:
            response.status === 401 || response.status === 403
              ? this.config.tokenEnv
                ? `check the token in $${this.config.tokenEnv}`
                : "set `tokenEnv` on the registry in labenv.yaml and put a token in that variable"
              : undefined,
        },
      );
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > MAX_FILE_BYTES) {
      await response.body?.cancel();
      throw this.tooLarge(url, declared);
    }
    try {
      return await readCapped(response, MAX_FILE_BYTES, () => this.tooLarge(url));
    } catch (e) {
      if (e instanceof LabenvError) throw e;
      throw this.down(url, networkReason(e, timeoutMs), e);
    }
  }

  private async readGit(url: string, what: string): Promise<string> {
    const at = this.git!;
    const path = url
      .slice(url.indexOf("#") + 1)
      .split(":")
      .slice(1)
      .join(":");
    const rel = at.dir ? path.slice(at.dir.length + 1) : path;
    const r = await readGitFile(at, rel, MAX_FILE_BYTES, this.options.timeoutMs ?? 10_000);
    if (r.ok) return r.text;
    if (r.reason === "too-large") throw this.tooLarge(url, r.size);
    if (r.reason === "missing")
      throw new LabenvError(
        "usage",
        `pack registry \`${this.config.name}\` has no ${what} (${url})`,
        {
          hint: "check the registry's url in labenv.yaml: git+file:///<repository>#<ref>[:<directory holding registry.yaml>]",
        },
      );
    throw this.down(url, r.detail);
  }

  private readFile(url: string, what: string): string {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch (e) {
      throw new LabenvError(
        "config",
        `pack registry \`${this.config.name}\`: ${url} is not a file path`,
        {
          cause: e,
        },
      );
    }
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new LabenvError(
        "usage",
        `pack registry \`${this.config.name}\` has no ${what} (${path})`,
        {
          hint: "check the registry's url in labenv.yaml: it must be the directory holding registry.yaml",
        },
      );
    }
    if (size > MAX_FILE_BYTES) throw this.tooLarge(url, size);
    return readFileSync(path, "utf8");
  }

  private tooLarge(url: string, bytes?: number): LabenvError {
    return new LabenvError(
      "io",
      `pack registry \`${this.config.name}\` served ${url} larger than ${MAX_FILE_BYTES} bytes${bytes ? ` (${bytes})` : ""}`,
      {
        hint: "nothing was read; a registry file is at most 1 MiB: tell the registry's maintainers",
      },
    );
  }
}

/** Why a request failed, in words: refused, reset, timed out, DNS. */
function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError")
    return `no answer within ${timeoutMs / 1000} s`;
  const code = err?.cause?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
    case "UND_ERR_CLOSED":
      return "the connection was closed before the answer was complete";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "UND_ERR_CONNECT_TIMEOUT":
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return "timed out";
    default:
      return code ? `${code}` : (err?.cause?.message ?? err?.message ?? String(e));
  }
}
