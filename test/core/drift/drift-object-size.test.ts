import { describe, expect, it } from "vitest";
import {
  MAX_DRIFT_OBJECT_BYTES,
  readObservation,
} from "../../../reconciler/core/drift/read-drift-objects.js";
import { driftObjects } from "../../../reconciler/core/drift/drift-objects.js";
import type { ObjectStore } from "../../../reconciler/ports/object-store.js";

describe("drift objects are capped like every file labenv reads (issue 14, item 9)", () => {
  it("an observation over 16 MiB is a named error, not parsed", async () => {
    const key = driftObjects.observation("genomics-core/rnaseq");
    const huge = new Uint8Array(MAX_DRIFT_OBJECT_BYTES + 1).fill(0x20);
    const objects: ObjectStore = {
      put: async () => {},
      get: async (k) => (k === key ? huge : undefined),
      list: async () => [key],
    };
    await expect(readObservation(objects, "genomics-core/rnaseq")).rejects.toMatchObject({
      code: "io",
      message: `${key} is ${MAX_DRIFT_OBJECT_BYTES + 1} bytes, more than the ${MAX_DRIFT_OBJECT_BYTES} (16 MiB) labenv reads as one drift object`,
    });
  });
});
