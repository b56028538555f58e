import type { AccessSources } from "../../reconciler/core/access/who-may-open.js";
import type { Kind, KindMap, Loaded } from "../../reconciler/core/model/documents.js";

/** Small in-memory labs, environments and shares for the access tests (only the fields access reads). */
export function loaded<K extends Kind>(kind: K, file: string, doc: unknown): Loaded<K> {
  return { kind, file, doc: doc as KindMap[K], positions: {} as never, text: "" };
}

export const member = (id: string, name: string, uid: number, until?: string) => ({
  id,
  name,
  github: id,
  uid,
  role: "researcher",
  ...(until ? { until } : {}),
});

export function lab(name: string, approvers: string[], members: ReturnType<typeof member>[]) {
  return loaded("Lab", `environments/${name}/lab.yaml`, {
    metadata: { name },
    spec: { pi: approvers[0], approvers, posixGid: 1, members },
  });
}

export function share(
  lab: string,
  name: string,
  spec: { environment: string; to: { lab: string; members?: string[] } } & Record<string, unknown>,
) {
  return loaded("Share", `environments/${lab}/shares/${name}.yaml`, {
    metadata: { lab, name },
    spec: { access: "read-only", expires: "2027-06-30", purpose: "joint paper", ...spec },
  });
}

/** genomics/rnaseq owned by ajones, shared read-only with vision's dsato. */
export function smallSources(): AccessSources {
  return {
    labs: new Map([
      [
        "genomics",
        lab(
          "genomics",
          ["mchen"],
          [member("mchen", "Mei Chen", 1), member("ajones", "Amara Jones", 3)],
        ),
      ],
      [
        "vision",
        lab(
          "vision",
          ["dsato"],
          [member("dsato", "Dai Sato", 10), member("kboyd", "Kim Boyd", 12)],
        ),
      ],
    ]),
    environments: new Map([
      ["genomics/rnaseq", loaded("Environment", "e1", { metadata: {}, spec: { owner: "ajones" } })],
    ]),
    shares: new Map([
      [
        "genomics/rnaseq-to-vision",
        share("genomics", "rnaseq-to-vision", {
          environment: "rnaseq",
          to: { lab: "vision", members: ["dsato"] },
        }),
      ],
    ]),
  };
}
