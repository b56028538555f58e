import type { DomainPack } from "../model/documents.js";
import { digestOf } from "../lock/canonical.js";

/**
 * The checksum of a pack version's canonical content. Lifecycle marks
 * (`deprecated`, `yanked`), labels and where a vendored copy came from
 * (`source`) are left out: a published version may be deprecated or yanked,
 * and vendored anywhere, but its contents never change.
 */
export function packChecksum(pack: DomainPack): string {
  const { deprecated: _d, yanked: _y, source: _s, ...spec } = pack.spec;
  return digestOf({
    apiVersion: pack.apiVersion,
    kind: pack.kind,
    name: pack.metadata.name,
    version: pack.metadata.version,
    spec,
  });
}
