import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { exampleFiles, repoRoot, text } from "../../helpers/example-repo.js";

/** The example environments used as templates: `lab/env` of the shipped example repository. */
const TEMPLATES = [
  "climate-dynamics/cmip6-analysis",
  "climate-dynamics/ocean-heat",
  "genomics-core/rnaseq",
  "genomics-core/single-cell",
  "ml-vision/segmentation",
  "ml-vision/teaching",
];

export interface SyntheticRepository {
  files: RepoFile[];
  labs: string[];
  /** `lab/env` keys, in order. */
  environments: string[];
}

/**
 * A large repository in memory: `labs` labs of `perLab` environments each,
 * every environment with a fresh lock (copied from the example repository's
 * environments, renamed; the lock's input digest does not cover names).
 * Domain packs, the registry, labenv.yaml and the package index come from
 * the example repository unchanged.
 */
export function syntheticRepository(labs = 50, perLab = 20): SyntheticRepository {
  const example = exampleFiles();
  const shared = example.filter((f) => !f.path.startsWith("environments/"));
  const files: RepoFile[] = [
    ...shared,
    { path: "package-index.yaml", content: readFileSync(join(repoRoot, "package-index.yaml")) },
  ];
  const labNames: string[] = [];
  const environments: string[] = [];
  for (let l = 0; l < labs; l++) {
    const lab = `lab-${String(l).padStart(2, "0")}`;
    labNames.push(lab);
    files.push({ path: `environments/${lab}/lab.yaml`, content: labYaml(lab, l) });
    for (let e = 0; e < perLab; e++) {
      const name = `env-${String(e).padStart(2, "0")}`;
      const template = TEMPLATES[(l + e) % TEMPLATES.length]!;
      const rename = (t: string) => renameDocument(t, lab, name);
      files.push({
        path: `environments/${lab}/${name}/environment.yaml`,
        content: ownedBy(
          rename(text(example, `environments/${template}/environment.yaml`)),
          `m${l}-1`,
          "grant",
        ),
      });
      files.push({
        path: `environments/${lab}/${name}/environment.lock.yaml`,
        content: rename(text(example, `environments/${template}/environment.lock.yaml`)),
      });
      environments.push(`${lab}/${name}`);
    }
  }
  return { files, labs: labNames, environments };
}

/** Login of member `i` of synthetic lab number `l`. */
export function syntheticLogin(l: number, i: number): string {
  return `user-${l}-${i}`;
}

function labYaml(lab: string, l: number): string {
  const members = [0, 1, 2]
    .map(
      (i) =>
        `    - id: m${l}-${i}\n      github: ${syntheticLogin(l, i)}\n      uid: ${40000 + l * 10 + i}\n      role: ${i === 0 ? "pi" : "researcher"}\n`,
    )
    .join("");
  return `apiVersion: labenv.westtek.io/v1
kind: Lab
metadata:
  name: ${lab}
spec:
  pi: m${l}-0
  approvers: [m${l}-0]
  posixGid: ${30000 + l}
  members:
${members}  funding:
    - id: grant
      funder: Synthetic Funder
`;
}

function renameDocument(source: string, lab: string, name: string): string {
  return source
    .replace(/^(metadata:\n(?:[ \t].*\n)*?)  name: .*$/m, `$1  name: ${name}`)
    .replace(/^  lab: .*$/m, `  lab: ${lab}`);
}

function ownedBy(source: string, owner: string, funding: string): string {
  return source
    .replace(/^  owner: .*$/m, `  owner: ${owner}`)
    .replace(/^  funding: .*$/m, `  funding: ${funding}`);
}
