import { LabenvError } from "../errors.js";
import type { Observation } from "../model/documents.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { EMPTY_MEMORY, type DriftMemory } from "./drift-decision.js";
import { driftObjects } from "./drift-objects.js";

/** The newest observation of an environment, if the agent (or the sandbox) wrote one for it. */
export async function readObservation(objects: ObjectStore, environment: string): Promise<Observation | undefined> {
  const bytes = await objects.get(driftObjects.observation(environment));
  if (!bytes) return undefined;
  const doc = parseJson(bytes, driftObjects.observation(environment)) as Observation;
  const [lab, env] = environment.split("/");
  if (doc?.kind !== "Observation" || doc.metadata?.lab !== lab || doc.metadata?.environment !== env || !Array.isArray(doc.spec?.packages)) {
    throw new LabenvError("io", `${driftObjects.observation(environment)} is not an Observation of ${environment}`, { hint: "the agent writes it; check its --lab/--environment" });
  }
  return doc;
}

export async function readMemory(objects: ObjectStore, environment: string): Promise<DriftMemory> {
  const bytes = await objects.get(driftObjects.memory(environment));
  return bytes ? { ...EMPTY_MEMORY, ...(parseJson(bytes, driftObjects.memory(environment)) as DriftMemory) } : EMPTY_MEMORY;
}

export async function writeMemory(objects: ObjectStore, environment: string, memory: DriftMemory): Promise<void> {
  await objects.put(driftObjects.memory(environment), `${JSON.stringify(memory, null, 2)}\n`, "application/json");
}

function parseJson(bytes: Uint8Array, key: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (e) {
    throw new LabenvError("io", `${key} is not valid JSON`, { cause: e });
  }
}
