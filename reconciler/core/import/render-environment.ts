import { Document, isPair, isScalar, isSeq, visit } from "yaml";
import type { Environment } from "../model/documents.js";
import type { ImportPlan } from "./to-environment.js";
import type { NotImported } from "./wanted-packages.js";

const WHY: Readonly<Record<NotImported["kind"], string>> = {
  editable: "editable install",
  vcs: "from version control",
  url: "direct URL",
  "local-path": "local file",
  "remote-include": "remote include",
  "conda-spec": "conda spec with no PEP 440 equivalent",
  "not-pep440": "not a PEP 440 version",
  tooling: "installer tooling",
  "r-package": "R package",
  "system-package": "system package",
  script: "not a package",
  kernel: "kernel the pack does not offer",
  marker: "marker does not apply on the image",
  constraint: "constraint only",
  option: "pip option not kept",
  "conda-channel": "conda channel: packages come from the package index",
  "conda-build": "conda build string: the lock records the file installed",
  "conda-header": "conda list header",
  "conda-name": "conda environment name: named by --name",
};

/**
 * environment.yaml as the example repository writes it: the schema modeline,
 * where the import came from and what it did not carry over (as comments, so a
 * reviewer sees it in the pull request), then the document.
 */
export function renderEnvironment(
  env: Environment,
  plan: Pick<ImportPlan, "sources" | "notImported"> & Partial<Pick<ImportPlan, "provided">>,
): string {
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");
  const header = [
    "# yaml-language-server: $schema=../../../schemas/environment.schema.json",
    `# Imported with \`labenv import\` from ${plan.sources.map((s) => `${oneLine(s.file)} (${s.format})`).join(", ")}.`,
  ];
  if (plan.notImported.length > 0) {
    header.push("# Not carried over (see the import report):");
    for (const n of plan.notImported)
      header.push(
        `#   ${oneLine(n.text)}${n.source ? ` (${oneLine(n.source.file)}:${n.source.line})` : ""}: ${WHY[n.kind]}`,
      );
  }
  if (plan.provided && plan.provided.length > 0) {
    header.push("# Provided by the domain pack's image:");
    for (const p of plan.provided)
      header.push(
        `#   ${oneLine(p.text)}${p.source ? ` (${oneLine(p.source.file)}:${p.source.line})` : ""}: ${p.name} ${oneLine(p.version)}`,
      );
  }
  const doc = new Document(env);
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if ((key === "description" || key === "domainPack") && isScalar(pair.value))
        pair.value.type = "QUOTE_DOUBLE";
      if (key === "packages" && isSeq(pair.value))
        for (const item of pair.value.items) if (isScalar(item)) item.type = "QUOTE_DOUBLE";
      if (key === "kernels" && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return `${header.join("\n")}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
