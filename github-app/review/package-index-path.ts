import { parseDocument } from "yaml";

const DEFAULT = "package-index.yaml";

/**
 * Where labenv.yaml says the embedded package index lives (default
 * `package-index.yaml`), read without the loader: the review needs it to
 * choose which files to keep. A labenv.yaml that does not parse gives the
 * default; validation reports it with a position.
 */
export function packageIndexPath(labenvYaml: Uint8Array | undefined): string {
  if (!labenvYaml) return DEFAULT;
  try {
    const value = parseDocument(Buffer.from(labenvYaml).toString("utf8")).toJS({
      maxAliasCount: 10,
    }) as { spec?: { packageIndex?: { path?: unknown } } } | null;
    const path = value?.spec?.packageIndex?.path;
    return typeof path === "string" && path !== "" ? path.replace(/^\.\//, "") : DEFAULT;
  } catch {
    return DEFAULT;
  }
}
