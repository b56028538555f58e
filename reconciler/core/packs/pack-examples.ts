import { sha256Hex } from "../lock/canonical.js";
import { MAX_FILE_BYTES } from "../load/parse-yaml.js";
import type { Loaded, Repository } from "../model/documents.js";

/** An example notebook of a pack version, checked against the sha256 its pack.yaml lists. */
export interface PackExample {
  file: string;
  sha256: string;
  size: number;
  content: string;
}

export interface ExampleProblem {
  /** Where in pack.yaml the finding points. */
  at: (string | number)[];
  message: string;
  hint: string;
}

/** Each example at most 1 MiB, like every file labenv reads; at most 20 per version (the schema). */
export const MAX_EXAMPLE_BYTES = MAX_FILE_BYTES;

/** `domain-packs/<pack>/<version>/examples/`. */
export function examplesDir(pack: Loaded<"DomainPack">): string {
  return pack.file.replace(/pack\.yaml$/, "examples/");
}

/**
 * A pack version's example notebooks, each exactly as `spec.examples` lists it (so as the
 * version's checksum and signature cover it): present, at most 1 MiB, UTF-8 JSON notebooks whose
 * sha256 is the listed one, listed once. A notebook in `examples/` that is not listed is a problem
 * too: it would silently not ship. Pure.
 */
export function packExamples(
  repo: Repository,
  pack: Loaded<"DomainPack">,
): { examples: PackExample[]; problems: ExampleProblem[] } {
  const dir = examplesDir(pack);
  const listed = pack.doc.spec.examples ?? [];
  const examples: PackExample[] = [];
  const problems: ExampleProblem[] = [];
  const seen = new Set<string>();
  listed.forEach((e, i) => {
    const path = `${dir}${e.file}`;
    if (seen.has(e.file)) {
      problems.push({
        at: ["spec", "examples", i, "file"],
        message: `${e.file} is listed twice in spec.examples`,
        hint: "list each notebook once",
      });
      return;
    }
    seen.add(e.file);
    const raw = repo.packExampleFiles.get(path);
    if (raw === undefined) {
      problems.push({
        at: ["spec", "examples", i, "file"],
        message: `${path} is listed in spec.examples but is not in the repository`,
        hint: `add the notebook at ${path}, or remove it from spec.examples`,
      });
      return;
    }
    const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    if (bytes.byteLength > MAX_EXAMPLE_BYTES) {
      problems.push({
        at: ["spec", "examples", i, "file"],
        message: `${path} is larger than ${MAX_EXAMPLE_BYTES} bytes`,
        hint: "clear the notebook's outputs (`jupyter nbconvert --clear-output`) or ship a smaller one",
      });
      return;
    }
    const sha256 = `sha256:${sha256Hex(bytes)}`;
    if (sha256 !== e.sha256) {
      problems.push({
        at: ["spec", "examples", i, "sha256"],
        message: `${path} has sha256 ${sha256}, not the ${e.sha256} spec.examples lists`,
        hint: pack.doc.spec.source
          ? "the vendored notebook was changed after it was published: restore it (`labenv packs add` it again into a clean checkout), or publish a new version"
          : `if the notebook is as you mean it, set \`sha256: ${sha256}\` (a published version never changes: publish a new version)`,
      });
      return;
    }
    let content: string;
    try {
      content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      const nb = JSON.parse(content) as unknown;
      if (
        !nb ||
        typeof nb !== "object" ||
        typeof (nb as { nbformat?: unknown }).nbformat !== "number"
      )
        throw new Error("no nbformat");
    } catch {
      problems.push({
        at: ["spec", "examples", i, "file"],
        message: `${path} is not a Jupyter notebook (UTF-8 JSON with \`nbformat\`)`,
        hint: "save it from Jupyter as .ipynb",
      });
      return;
    }
    examples.push({ file: e.file, sha256, size: bytes.byteLength, content });
  });
  for (const [path, raw] of repo.packExampleFiles)
    if (path.startsWith(dir) && !seen.has(path.slice(dir.length)))
      problems.push({
        at: listed.length ? ["spec", "examples"] : ["spec"],
        message: `${path} is not listed in spec.examples, so it would not ship with the pack`,
        hint: `list it (\`- { file: ${path.slice(dir.length)}, sha256: "sha256:${sha256Hex(raw)}" }\` under spec.examples), or remove the file`,
      });
  return { examples: examples.sort((a, b) => (a.file < b.file ? -1 : 1)), problems };
}
