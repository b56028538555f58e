import type { Diagnostic } from "../model/diagnostic.js";
import { compareDiagnostics } from "../model/diagnostic.js";
import { API_VERSION, type Kind, type Loaded, type Repository } from "../model/documents.js";
import type { SchemaCheck } from "../validate/schema-validator.js";
import { classifyPath, isManagedPath, isNoteFile, isPackExample } from "./classify-path.js";
import { parseYamlFile } from "./parse-yaml.js";
import semver from "semver";
import { packChecksum } from "../packs/checksum.js";

/** A file of the repository: its path relative to the root and its bytes. */
export interface RepoFile {
  path: string;
  content: Uint8Array | string;
}

export interface LoadResult {
  repository: Repository;
  diagnostics: Diagnostic[];
}

export function emptyRepository(): Repository {
  return {
    labs: new Map(),
    environments: new Map(),
    locks: new Map(),
    snapshots: new Map(),
    snapshotRecords: new Map(),
    shares: new Map(),
    successions: new Map(),
    packs: new Map(),
    packVersions: new Map(),
    packExampleFiles: new Map(),
    files: new Set(),
  };
}

/**
 * Files → typed documents plus diagnostics. A document enters the repository
 * only when it parses, passes its schema and sits at the path its identity
 * names; everything else becomes a diagnostic with a position. Pure: the
 * caller reads the files (from disk, from git, from the GitHub API).
 */
export function loadRepository(files: readonly RepoFile[], check: SchemaCheck): LoadResult {
  const repository = emptyRepository();
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!isManagedPath(f.path)) continue;
    repository.files.add(f.path);
    const identity = classifyPath(f.path);
    if (!identity) {
      if (isPackExample(f.path)) repository.packExampleFiles.set(f.path, f.content);
      else if (!isNoteFile(f.path)) diagnostics.push(unknownFile(f.path));
      continue;
    }
    const parsed = parseYamlFile(f.path, f.content);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const { value, positions, text } = parsed.parsed;
    const at = (path: (string | number)[], key = false) => positions.at(path, { key });
    const error = (
      path: (string | number)[],
      code: string,
      message: string,
      hint?: string,
      key = false,
    ): Diagnostic => ({
      file: f.path,
      ...at(path, key),
      severity: "error",
      code,
      path: path.join("."),
      message,
      ...(hint ? { hint } : {}),
    });
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      diagnostics.push(
        error(
          [],
          "schema",
          "a labenv document must be a YAML mapping",
          `start with \`apiVersion: ${API_VERSION}\` and \`kind: ${identity.kind}\``,
        ),
      );
      continue;
    }
    const record = value as Record<string, unknown>;
    if (record.kind !== identity.kind) {
      diagnostics.push(
        error(
          ["kind"],
          "path-identity",
          `${f.path} must hold a \`${identity.kind}\` document, found kind ${JSON.stringify(record.kind ?? null)}`,
          `set \`kind: ${identity.kind}\` or move the file to where ${String(record.kind)} documents live`,
        ),
      );
      continue;
    }
    const schemaDiagnostics = check(identity.kind, value, f.path, positions);
    if (schemaDiagnostics.length > 0) {
      diagnostics.push(...schemaDiagnostics);
      continue;
    }
    const metadata = record.metadata as Record<string, unknown>;
    const mismatches = Object.entries(identity.expect).filter(([k, v]) => metadata[k] !== v);
    for (const [k, v] of mismatches) {
      diagnostics.push(
        error(
          ["metadata", k],
          "path-identity",
          `metadata.${k} is ${JSON.stringify(metadata[k])} but the file's path says ${JSON.stringify(v)}`,
          `set \`metadata.${k}: ${v}\`, or move the file to match its name (paths are identity)`,
        ),
      );
    }
    if (mismatches.length > 0) continue;
    const key = identityKey(identity.kind, identity.expect);
    const previous = seen.get(`${identity.kind}:${key}`);
    if (previous) {
      diagnostics.push(
        error(
          [],
          "duplicate-document",
          `duplicate ${identity.kind} ${key}: already defined in ${previous}`,
          "keep one of the two files",
        ),
      );
      continue;
    }
    seen.set(`${identity.kind}:${key}`, f.path);
    add(
      repository,
      { kind: identity.kind, file: f.path, doc: value as never, positions, text },
      key,
    );
  }
  indexPacks(repository);
  diagnostics.sort(compareDiagnostics);
  return { repository, diagnostics };
}

/** Checksums and per-pack version lists, computed once instead of once per environment. */
function indexPacks(repo: Repository): void {
  repo.packVersions.clear();
  for (const p of repo.packs.values()) {
    p.checksum = packChecksum(p.doc);
    repo.packVersions.set(p.doc.metadata.name, [
      ...(repo.packVersions.get(p.doc.metadata.name) ?? []),
      p,
    ]);
  }
  for (const list of repo.packVersions.values())
    list.sort((a, b) => semver.rcompare(a.doc.metadata.version, b.doc.metadata.version));
}

function identityKey(kind: Kind, e: Record<string, string>): string {
  switch (kind) {
    case "Lab":
      return e.name!;
    case "Environment":
    case "EnvironmentLock":
    case "Share":
    case "Succession":
      return `${e.lab}/${e.name}`;
    case "Snapshot":
    case "SnapshotRecord":
      return `${e.lab}/${e.environment}/${e.name}`;
    case "DomainPack":
      return `${e.name}@${e.version}`;
    default:
      return kind;
  }
}

function add(repo: Repository, doc: Loaded, key: string): void {
  switch (doc.kind) {
    case "Lab":
      repo.labs.set(key, doc as Loaded<"Lab">);
      break;
    case "Environment":
      repo.environments.set(key, doc as Loaded<"Environment">);
      break;
    case "EnvironmentLock":
      repo.locks.set(key, doc as Loaded<"EnvironmentLock">);
      break;
    case "Snapshot":
      repo.snapshots.set(key, doc as Loaded<"Snapshot">);
      break;
    case "SnapshotRecord":
      repo.snapshotRecords.set(key, doc as Loaded<"SnapshotRecord">);
      break;
    case "Share":
      repo.shares.set(key, doc as Loaded<"Share">);
      break;
    case "Succession":
      repo.successions.set(key, doc as Loaded<"Succession">);
      break;
    case "DomainPack":
      repo.packs.set(key, doc as Loaded<"DomainPack">);
      break;
    case "DomainPackRegistry":
      repo.registry = doc as Loaded<"DomainPackRegistry">;
      break;
    case "RepoConfig":
      repo.config = doc as Loaded<"RepoConfig">;
      break;
    case "Observation":
      break;
  }
}

function unknownFile(path: string): Diagnostic {
  const yaml = /\.ya?ml$/.test(path);
  return {
    file: path,
    line: 1,
    column: 1,
    severity: yaml ? "error" : "warning",
    code: "unknown-file",
    message: yaml
      ? `${path} is not at a place where labenv documents live`
      : `${path} is not a labenv document`,
    hint: "documents live at environments/<lab>/lab.yaml, environments/<lab>/<env>/environment.yaml, environments/<lab>/<env>/snapshots/<name>.yaml, environments/<lab>/shares/<name>.yaml, environments/<lab>/successions/<name>.yaml, domain-packs/<pack>/<version>/pack.yaml",
  };
}
