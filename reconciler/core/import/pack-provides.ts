import type { Loaded } from "../model/documents.js";
import type { ImportedOption } from "./types.js";

/**
 * What a domain pack's image carries besides its Python packages, as the pack
 * declares it: `spec.provides.system` (apt and conda names), `spec.provides.r`
 * (R packages; `R` for R itself), and R or Julia behind a kernel of that
 * language. The version the pack provides, or `undefined` when it does not
 * say that it provides the name.
 */
export function packProvides(
  pack: Loaded<"DomainPack">,
  kind: "system" | "r",
  name: string,
): string | undefined {
  const declared = pack.doc.spec.provides?.[kind] ?? {};
  const wanted = name.toLowerCase();
  const hit = Object.entries(declared).find(([n]) => n.toLowerCase() === wanted);
  if (hit) return hit[1];
  if (kind === "r" && wanted === "r") {
    const kernel = pack.doc.spec.kernels.find((k) => k.language.toLowerCase() === "r");
    if (kernel) return kernel.version ?? "(the R kernel's)";
  }
  return undefined;
}

/** Base URL of an index as a comparable key: no trailing slash, no `/simple` or `/pypi` suffix. */
function indexKey(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/(simple|pypi)$/i, "")
    .toLowerCase();
}

/**
 * What labenv does with a pip option of an imported file: honoured (it
 * already is what labenv does) or not kept, with why. Nothing is dropped
 * without one of the two.
 */
export function judgeOption(
  option: ImportedOption,
  indexName: string,
): { honoured: boolean; reason: string } {
  const value = option.value ?? "";
  switch (option.name) {
    case "--index-url":
    case "--extra-index-url":
      return indexKey(value) === indexKey(indexName)
        ? { honoured: true, reason: `the lab's package index (labenv.yaml) is ${indexName}` }
        : {
            honoured: false,
            reason: `labenv resolves every package from ${indexName} (packageIndex in labenv.yaml), not from ${value}; a package only ${value} serves will not resolve: point packageIndex.url at that index's JSON API if the lab should use it`,
          };
    case "--no-index":
      return {
        honoured: false,
        reason: `labenv always resolves from the lab's package index (${indexName})`,
      };
    case "--find-links":
      return {
        honoured: false,
        reason: `files found through ${value} exist only where the requirements were written; publish them to the lab's package index`,
      };
    case "--pre":
      return {
        honoured: false,
        reason:
          "labenv takes a pre-release only for a requirement that names one: write the pre-release into the requirement (e.g. torch==2.4.0rc1)",
      };
    case "--require-hashes":
      return {
        honoured: false,
        reason:
          "the lock records the sha256 of the file to install as the package index gives it; hashes are not copied from the requirements file",
      };
    case "--only-binary":
    case "--prefer-binary":
      return {
        honoured: true,
        reason:
          "labenv locks the wheel built for the image's platform and falls back to the sdist only when no wheel fits",
      };
    case "--no-binary":
      return {
        honoured: false,
        reason: "labenv installs the released wheels; building from source is not supported",
      };
    case "--trusted-host":
      return {
        honoured: false,
        reason: "labenv always verifies the package index's TLS certificate",
      };
    default:
      return {
        honoured: false,
        reason: `a pip setting (${option.name}); labenv's installs take no pip options from imported files`,
      };
  }
}
