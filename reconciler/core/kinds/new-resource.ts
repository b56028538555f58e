import { digestOf } from "../lock/canonical.js";
import type { DesiredResource, ResourceKind, SpecByKind } from "../model/resources.js";
import { TAG } from "../model/tags.js";

/** A desired resource with its spec hash and the tags labenv owns. */
export function newResource<K extends ResourceKind>(
  kind: K,
  key: string,
  environment: string,
  lab: string,
  spec: SpecByKind[K],
  dependsOn: string[],
): DesiredResource<K> {
  const specHash = digestOf(spec).slice(7, 23);
  return {
    kind,
    key,
    environment,
    spec,
    tags: {
      [TAG.lab]: lab,
      [TAG.environment]: environment,
      [TAG.resource]: key,
      [TAG.specHash]: specHash,
      [TAG.managedBy]: "labenv",
    },
    specHash,
    dependsOn,
  };
}
