import { LabenvError } from "../errors.js";
import { PositionIndex } from "../load/positions.js";
import type { SchemaCheck } from "../validate/schema-validator.js";
import type { Observation } from "../model/documents.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { EMPTY_MEMORY, type DriftMemory } from "./drift-decision.js";
import { driftObjects } from "./drift-objects.js";

/** The newest observation of an environment, if the agent (or the sandbox) wrote one for it; checked against its schema when `check` is given. */
export async function readObservation(
  objects: ObjectStore,
  environment: string,
  check?: SchemaCheck,
): Promise<Observation | undefined> {
  const key = driftObjects.observation(environment);
  const bytes = await objects.get(key);
  if (!bytes) return undefined;
  const doc = parseJson(bytes, key) as Observation;
  const problems = check
    ? check("Observation", doc, key, PositionIndex.lazy(Buffer.from(bytes).toString("utf8")))
    : [];
  if (problems.length > 0)
    throw new LabenvError(
      "io",
      `${key} is not a valid Observation: ${problems[0]!.path ?? ""} ${problems[0]!.message}`.replace(
        ":  ",
        ": ",
      ),
      { hint: "the agent writes it (schemas/observation.schema.json)" },
    );
  const [lab, env] = environment.split("/");
  if (
    doc?.kind !== "Observation" ||
    doc.metadata?.lab !== lab ||
    doc.metadata?.environment !== env ||
    !Array.isArray(doc.spec?.packages)
  ) {
    throw new LabenvError(
      "io",
      `${driftObjects.observation(environment)} is not an Observation of ${environment}`,
      { hint: "the agent writes it; check its --lab/--environment" },
    );
  }
  return doc;
}

export async function readMemory(objects: ObjectStore, environment: string): Promise<DriftMemory> {
  const bytes = await objects.get(driftObjects.memory(environment));
  return bytes
    ? { ...EMPTY_MEMORY, ...(parseJson(bytes, driftObjects.memory(environment)) as DriftMemory) }
    : EMPTY_MEMORY;
}

export async function writeMemory(
  objects: ObjectStore,
  environment: string,
  memory: DriftMemory,
): Promise<void> {
  await objects.put(
    driftObjects.memory(environment),
    `${JSON.stringify(memory, null, 2)}\n`,
    "application/json",
  );
}

/** The largest drift object (an observation, a memory) labenv reads: an agent's output is input from outside. */
export const MAX_DRIFT_OBJECT_BYTES = 16 * 1024 * 1024;

function parseJson(bytes: Uint8Array, key: string): unknown {
  if (bytes.byteLength > MAX_DRIFT_OBJECT_BYTES)
    throw new LabenvError(
      "io",
      `${key} is ${bytes.byteLength} bytes, more than the ${MAX_DRIFT_OBJECT_BYTES} (16 MiB) labenv reads as one drift object`,
      { hint: "the agent writes it: check what it reports (schemas/observation.schema.json)" },
    );
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (e) {
    throw new LabenvError("io", `${key} is not valid JSON`, { cause: e });
  }
}
