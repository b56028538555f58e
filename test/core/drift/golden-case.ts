import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { desire } from "../../../reconciler/core/desire/desire.js";
import type { EnvironmentInfrastructure } from "../../../reconciler/core/drift/compare-infrastructure.js";
import type { DriftRule } from "../../../reconciler/core/drift/drift-report.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { lockDigest } from "../../../reconciler/core/lock/build-lock.js";
import {
  parseEmbeddedIndex,
  type PackageIndexData,
} from "../../../reconciler/core/lock/package-index.js";
import type { Lab, Observation, Repository } from "../../../reconciler/core/model/documents.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles, repoRoot } from "../../helpers/example-repo.js";

export const CASES_DIR = join(repoRoot, "test/fixtures/drift");

/** What a case's input.yaml says. */
export interface CaseInput {
  environment: string;
  /** Replaces the lab's `spec.drift` fields given here. */
  lab?: { criticalPackages?: string[]; rules?: DriftRule[] };
  /** Changes to what the provider observes, starting from exactly what was applied. */
  infra?: {
    key: string;
    gone?: boolean;
    id?: string;
    spec?: Record<string, unknown>;
    tags?: Record<string, string>;
  }[];
}

export interface GoldenCase {
  name: string;
  dir: string;
  input: CaseInput;
  repository: Repository;
  index: PackageIndexData;
  observation: Observation | undefined;
  infra: EnvironmentInfrastructure;
  lab: Lab | undefined;
}

export function caseNames(): string[] {
  return readdirSync(CASES_DIR)
    .filter((d) => existsSync(join(CASES_DIR, d, "input.yaml")))
    .sort();
}

export function loadCase(name: string): GoldenCase {
  const dir = join(CASES_DIR, name);
  const input = parse(readFileSync(join(dir, "input.yaml"), "utf8")) as CaseInput;
  const { repository } = loadRepository(exampleFiles(), createSchemaValidator());
  const index = parseEmbeddedIndex(readFileSync(join(repoRoot, "package-index.yaml"), "utf8"));
  const obsFile = join(dir, "observation.yaml");
  const observation = existsSync(obsFile)
    ? (parse(readFileSync(obsFile, "utf8")) as Observation)
    : undefined;
  const [labName] = input.environment.split("/") as [string];
  const labDoc = repository.labs.get(labName)?.doc;
  const lab =
    labDoc && input.lab
      ? { ...labDoc, spec: { ...labDoc.spec, drift: { ...labDoc.spec.drift, ...input.lab } } }
      : labDoc;
  return {
    name,
    dir,
    input,
    repository,
    index,
    observation,
    infra: infrastructure(repository, input),
    lab,
  };
}

/** The environment's resources as applied, observed exactly so, then changed as the case says. */
function infrastructure(repo: Repository, input: CaseInput): EnvironmentInfrastructure {
  const lab = input.environment.split("/")[0]!;
  const desired = desire(repo).state.resources.filter(
    (r) =>
      r.environment === input.environment || (r.environment === lab && r.kind === "access-point"),
  );
  const idOf = (key: string) => `id-of-${key.replace(/[:/]/g, "-")}`;
  const applied = {
    resources: desired.map((r) => ({
      key: r.key,
      kind: r.kind,
      id: idOf(r.key),
      specHash: r.specHash,
    })),
  };
  let observed: ObservedResource[] = desired.map((r) => ({
    kind: r.kind,
    key: r.key,
    environment: r.environment,
    id: idOf(r.key),
    spec: structuredClone(r.spec),
    tags: { ...r.tags },
    ...(r.kind === "service" ? { runningCount: 1 } : {}),
  }));
  for (const change of input.infra ?? []) {
    if (change.gone) {
      observed = observed.filter((o) => o.key !== change.key);
      continue;
    }
    observed = observed.map((o) =>
      o.key !== change.key
        ? o
        : {
            ...o,
            ...(change.id ? { id: change.id } : {}),
            spec: { ...o.spec, ...(change.spec ?? {}) },
            tags: { ...o.tags, ...(change.tags ?? {}) },
          },
    );
  }
  void lockDigest;
  return { desired, observed, applied };
}
