import type { Diagnostic } from "../model/diagnostic.js";
import { formatPath } from "../model/diagnostic.js";
import type { Loaded, Repository } from "../model/documents.js";

/** What a rule may know besides the repository. The core reads no clock. */
export interface RuleContext {
  /** Today's date, `YYYY-MM-DD`, supplied by the caller. */
  today: string;
}

/** A cross-document rule: a small named function from the repository to findings. */
export interface Rule {
  name: string;
  description: string;
  check(repo: Repository, ctx: RuleContext): Diagnostic[];
}

/** A finding pointing at a node of a loaded document. */
export function finding(
  doc: Loaded,
  path: (string | number)[],
  code: string,
  message: string,
  hint?: string,
  options: { severity?: "error" | "warning"; key?: boolean } = {},
): Diagnostic {
  const pos = doc.positions.at(path, { key: options.key ?? false });
  return {
    file: doc.file,
    line: pos.line,
    column: pos.column,
    severity: options.severity ?? "error",
    code,
    path: formatPath(path),
    message,
    ...(hint ? { hint } : {}),
  };
}

export function memberIds(repo: Repository, lab: string): Set<string> {
  return new Set(repo.labs.get(lab)?.doc.spec.members.map((m) => m.id) ?? []);
}

/** Paths of the documents an identity refers to, to tell "missing" from "present but broken". */
export const paths = {
  lab: (lab: string) => `environments/${lab}/lab.yaml`,
  environment: (lab: string, env: string) => `environments/${lab}/${env}/environment.yaml`,
  snapshot: (lab: string, env: string, name: string) =>
    `environments/${lab}/${env}/snapshots/${name}.yaml`,
};

/** True when the file exists but did not load: its own findings explain why. */
export function isBroken(repo: Repository, path: string): boolean {
  return repo.files.has(path);
}
