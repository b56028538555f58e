import { envKey, type Loaded } from "../model/documents.js";
import { readOnlySharesOf, type AccessSources } from "./who-may-open.js";

/**
 * What the authorizer of one environment needs to decide who may open it, as plain JSON: the
 * owner, the environment's lab and the labs it is shared with (members with their end dates,
 * approvers) and its read-only shares. Carried to the task (LABENV_ACCESS), so the authorizer
 * decides with the same `decideAccess` as everything else, without reading the repository.
 */
export interface AccessList {
  environment: string;
  owner: string;
  labs: {
    name: string;
    approvers: string[];
    members: { id: string; name: string; until?: string }[];
  }[];
  shares: {
    file: string;
    lab: string;
    name: string;
    environment: string;
    expires: string;
    to: { lab: string; members?: string[] };
  }[];
}

/** The access list of `lab/env` from the repository's documents. Pure. */
export function accessListFor(sources: AccessSources, lab: string, env: string): AccessList {
  const environment = sources.environments.get(envKey(lab, env));
  const shares = readOnlySharesOf(sources, lab, env);
  const labNames = [...new Set([lab, ...shares.map((s) => s.doc.spec.to.lab)])].sort();
  return {
    environment: envKey(lab, env),
    owner: environment?.doc.spec.owner ?? "",
    labs: labNames.flatMap((name) => {
      const l = sources.labs.get(name);
      if (!l) return [];
      return [
        {
          name,
          approvers: [...l.doc.spec.approvers],
          members: l.doc.spec.members.map((m) => ({
            id: m.id,
            name: m.name ?? m.id,
            ...(m.until !== undefined ? { until: m.until } : {}),
          })),
        },
      ];
    }),
    shares: shares.map((s) => ({
      file: s.file,
      lab: s.doc.metadata.lab,
      name: s.doc.metadata.name,
      environment: s.doc.spec.environment,
      expires: s.doc.spec.expires,
      to: {
        lab: s.doc.spec.to.lab,
        ...(s.doc.spec.to.members ? { members: [...s.doc.spec.to.members] } : {}),
      },
    })),
  };
}

/** The sources `decideAccess` reads, rebuilt from an access list (only the fields it reads). */
export function accessSourcesOf(list: AccessList): AccessSources {
  const [lab, env] = list.environment.split("/") as [string, string];
  const loaded = <T>(kind: string, file: string, doc: unknown) =>
    ({ kind, file, doc, positions: {}, text: "" }) as unknown as T;
  return {
    labs: new Map(
      list.labs.map((l) => [
        l.name,
        loaded<Loaded<"Lab">>("Lab", `environments/${l.name}/lab.yaml`, {
          metadata: { name: l.name },
          spec: { approvers: l.approvers, members: l.members },
        }),
      ]),
    ),
    environments: new Map([
      [
        list.environment,
        loaded<Loaded<"Environment">>(
          "Environment",
          `environments/${lab}/${env}/environment.yaml`,
          { metadata: { lab, name: env }, spec: { owner: list.owner } },
        ),
      ],
    ]),
    shares: new Map(
      list.shares.map((s) => [
        `${s.lab}/${s.name}`,
        loaded<Loaded<"Share">>("Share", s.file, {
          metadata: { lab: s.lab, name: s.name },
          spec: { environment: s.environment, access: "read-only", expires: s.expires, to: s.to },
        }),
      ]),
    ),
  };
}
