import { loadRepository, type RepoFile } from "../../../reconciler/core/load/load-repository.js";
import type { Repository } from "../../../reconciler/core/model/documents.js";
import type { Plan } from "../../../reconciler/core/model/plan.js";
import { previewPlan } from "../../../reconciler/core/plan/preview.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles } from "../../helpers/example-repo.js";

const check = createSchemaValidator();

export interface Scenario {
  base: Repository;
  head: Repository;
  plan: Plan;
  changed: string[];
}

/** The example repository as the base branch, and a head branch made by `edit`. */
export function scenario(
  edit: (files: RepoFile[]) => RepoFile[],
  baseEdit: (files: RepoFile[]) => RepoFile[] = (f) => f,
): Scenario {
  const baseFiles = baseEdit(exampleFiles());
  const headFiles = edit(baseFiles);
  const base = loadRepository(baseFiles, check).repository;
  const head = loadRepository(headFiles, check).repository;
  return { base, head, plan: previewPlan(base, head), changed: changedPaths(baseFiles, headFiles) };
}

function changedPaths(before: RepoFile[], after: RepoFile[]): string[] {
  const a = new Map(before.map((f) => [f.path, Buffer.from(f.content).toString("utf8")]));
  const b = new Map(after.map((f) => [f.path, Buffer.from(f.content).toString("utf8")]));
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
}
