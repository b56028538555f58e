// The JSON Schema of every document kind, as labenv ships them in schemas/.
// The validators are compiled from these ahead of time (npm run gen:types
// writes ./generated/validators.js), so no schema is compiled at run time.
import type { Kind } from "../model/documents.js";
import lab from "../../../schemas/lab.schema.json" with { type: "json" };
import environment from "../../../schemas/environment.schema.json" with { type: "json" };
import environmentLock from "../../../schemas/environment-lock.schema.json" with { type: "json" };
import snapshot from "../../../schemas/snapshot.schema.json" with { type: "json" };
import snapshotRecord from "../../../schemas/snapshot-record.schema.json" with { type: "json" };
import share from "../../../schemas/share.schema.json" with { type: "json" };
import succession from "../../../schemas/succession.schema.json" with { type: "json" };
import domainPack from "../../../schemas/domain-pack.schema.json" with { type: "json" };
import registry from "../../../schemas/domain-pack-registry.schema.json" with { type: "json" };
import config from "../../../schemas/labenv-config.schema.json" with { type: "json" };
import observation from "../../../schemas/observation.schema.json" with { type: "json" };

/** The JSON Schema of each kind: the single source of truth. */
export const SCHEMAS: Record<Kind, { $id: string; title: string }> = {
  Lab: lab,
  Environment: environment,
  EnvironmentLock: environmentLock,
  Snapshot: snapshot,
  SnapshotRecord: snapshotRecord,
  Share: share,
  Succession: succession,
  DomainPack: domainPack,
  DomainPackRegistry: registry,
  RepoConfig: config,
  Observation: observation,
};

/** Schema file name per kind, for editor association and messages. */
export const SCHEMA_FILES: Record<Kind, string> = Object.fromEntries(
  Object.entries(SCHEMAS).map(([kind, s]) => [kind, s.$id.split("/").pop()!]),
) as Record<Kind, string>;
