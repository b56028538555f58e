// The task definition memo on its own: one object in the object store, read
// once per observe, written only when something differs; anything it cannot
// read as its own memo, or older than its maximum age, counts as empty.
import { describe, expect, it } from "vitest";
import { InMemoryTaskDefinitionSpecCache } from "../../../reconciler/adapters/aws/in-memory-task-definition-spec-cache.js";
import {
  ObjectStoreTaskDefinitionSpecCache,
  TASK_DEFINITION_SPECS_KEY,
} from "../../../reconciler/adapters/aws/object-store-task-definition-spec-cache.js";
import type { RememberedRevision } from "../../../reconciler/adapters/aws/task-definition-spec-cache.js";
import { LabenvError } from "../../../reconciler/core/errors.js";
import type { ObjectStore } from "../../../reconciler/ports/object-store.js";
import { CountingObjectStore } from "./fixtures/counting-object-store.js";

const ARN = (revision: number) =>
  `arn:aws:ecs:eu-west-1:123456789012:task-definition/labenv-ml-vision-teaching:${revision}`;
const revision = (image: string, specHash = "0123456789abcdef"): RememberedRevision => ({
  spec: {
    family: "labenv-ml-vision-teaching",
    cpu: 1024,
    memory: 4096,
    image,
    homeAccessPoint: "fsap-0home",
    datasets: [],
    environment: { LABENV_LAB: "ml-vision" },
  },
  tags: {
    "labenv:environment": "ml-vision/teaching",
    "labenv:lab": "ml-vision",
    "labenv:resource": "task-definition:ml-vision/teaching",
    "labenv:spec-hash": specHash,
  },
});
const GET = `get ${TASK_DEFINITION_SPECS_KEY}`;
const PUT = `put ${TASK_DEFINITION_SPECS_KEY}`;

describe("ObjectStoreTaskDefinitionSpecCache", () => {
  it("puts made at the same time (actions applied concurrently) all land, whatever order the writes finish in", async () => {
    /** A store whose first write is slower than the ones after it, as S3 may be. */
    class SlowFirstWrite extends CountingObjectStore {
      private writes = 0;
      override async put(key: string, body: string | Uint8Array): Promise<void> {
        const turns = this.writes++ === 0 ? 20 : 1;
        for (let t = 0; t < turns; t++) await new Promise((r) => setImmediate(r));
        return super.put(key, body);
      }
    }
    const store = new SlowFirstWrite();
    const memo = new ObjectStoreTaskDefinitionSpecCache(store);
    await memo.get([]);
    const first = memo.put(new Map([[ARN(1), revision("img:1")]]));
    // The first write is in flight when the others come.
    for (let t = 0; t < 3; t++) await new Promise((r) => setImmediate(r));
    await Promise.all([
      first,
      ...[2, 3, 4].map((n) => memo.put(new Map([[ARN(n), revision(`img:${n}`)]]))),
    ]);
    const again = new ObjectStoreTaskDefinitionSpecCache(store);
    expect([...(await again.get([ARN(1), ARN(2), ARN(3), ARN(4)])).keys()]).toEqual([
      ARN(1),
      ARN(2),
      ARN(3),
      ARN(4),
    ]);
    // The first write, then one for the three that came while it was in flight.
    expect(store.calls.filter((c) => c === PUT)).toHaveLength(2);
  });

  it("remembers revisions across instances in one object: one read per get, one write per put that adds something", async () => {
    const store = new CountingObjectStore();
    const first = new ObjectStoreTaskDefinitionSpecCache(store);
    expect(await first.get([ARN(1), ARN(2)])).toEqual(new Map());
    await first.put(
      new Map([
        [ARN(1), revision("img:1")],
        [ARN(2), revision("img:2")],
      ]),
    );
    expect(store.calls).toEqual([GET, PUT]);

    store.clear();
    const second = new ObjectStoreTaskDefinitionSpecCache(store);
    expect(await second.get([ARN(2), ARN(3)])).toEqual(new Map([[ARN(2), revision("img:2")]]));
    await second.put(new Map([[ARN(2), revision("img:2")]])); // nothing new: no write
    expect(store.calls).toEqual([GET]);
    expect([...store.objects.keys()]).toEqual([TASK_DEFINITION_SPECS_KEY]);
  });

  it("reads the object again on every get, so a revision another process remembered is found", async () => {
    const store = new CountingObjectStore();
    const reconciler = new ObjectStoreTaskDefinitionSpecCache(store);
    await reconciler.get([ARN(1)]);
    await new ObjectStoreTaskDefinitionSpecCache(store).put(new Map([[ARN(1), revision("img:1")]]));
    expect((await reconciler.get([ARN(1)])).get(ARN(1))).toEqual(revision("img:1"));
  });

  it("a put with changed tags for a remembered ARN replaces them (labenv's own tag writes)", async () => {
    const store = new CountingObjectStore();
    const cache = new ObjectStoreTaskDefinitionSpecCache(store);
    await cache.put(new Map([[ARN(1), revision("img:1", "aaaaaaaaaaaaaaaa")]]));
    await cache.put(new Map([[ARN(1), revision("img:1", "bbbbbbbbbbbbbbbb")]]));
    expect(store.calls).toEqual([GET, PUT, PUT]);
    expect(
      (await new ObjectStoreTaskDefinitionSpecCache(store).get([ARN(1)])).get(ARN(1))?.tags[
        "labenv:spec-hash"
      ],
    ).toBe("bbbbbbbbbbbbbbbb");
  });

  it.each([
    ["not JSON", "{"],
    [
      "another format",
      JSON.stringify({ format: 2, startedAt: "2026-01-01T00:00:00Z", revisions: {} }),
    ],
    [
      "a broken entry",
      JSON.stringify({
        format: 1,
        startedAt: "2026-01-01T00:00:00Z",
        revisions: { x: { spec: "?" } },
      }),
    ],
  ])(
    "an object it cannot read as its memo (%s) counts as empty and is replaced on the next write",
    async (_what, body) => {
      const store = new CountingObjectStore();
      await store.put(TASK_DEFINITION_SPECS_KEY, body);
      const cache = new ObjectStoreTaskDefinitionSpecCache(store, {
        now: () => new Date("2026-01-02T00:00:00Z"),
      });
      expect(await cache.get([ARN(1), "x"])).toEqual(new Map());
      await cache.put(new Map([[ARN(1), revision("img:1")]]));
      expect(JSON.parse(store.text(TASK_DEFINITION_SPECS_KEY)!)).toEqual({
        format: 1,
        startedAt: "2026-01-02T00:00:00.000Z",
        revisions: { [ARN(1)]: revision("img:1") },
      });
    },
  );

  it("starts over once older than its maximum age, so a tag edited by hand on a revision is seen again", async () => {
    const store = new CountingObjectStore();
    let now = new Date("2026-03-01T00:00:00Z");
    const options = { maxAgeMs: 24 * 60 * 60 * 1000, now: () => now };
    await new ObjectStoreTaskDefinitionSpecCache(store, options).put(
      new Map([[ARN(1), revision("img:1")]]),
    );
    now = new Date("2026-03-01T23:59:59Z");
    expect((await new ObjectStoreTaskDefinitionSpecCache(store, options).get([ARN(1)])).size).toBe(
      1,
    );
    now = new Date("2026-03-02T00:00:01Z");
    const expired = new ObjectStoreTaskDefinitionSpecCache(store, options);
    expect((await expired.get([ARN(1)])).size).toBe(0);
    await expired.put(new Map([[ARN(2), revision("img:2")]]));
    const memo = JSON.parse(store.text(TASK_DEFINITION_SPECS_KEY)!) as {
      startedAt: string;
      revisions: object;
    };
    expect(memo.startedAt).toBe("2026-03-02T00:00:01.000Z");
    expect(Object.keys(memo.revisions)).toEqual([ARN(2)]); // the expired entries are gone
  });

  it("a store that fails is an io error naming the memo, and the next call reads again", async () => {
    let fail = true;
    const inner = new CountingObjectStore();
    const store: ObjectStore = {
      get: async (key) => {
        if (fail)
          throw new LabenvError("io", `S3 refused to read ${key}: AccessDenied: Access Denied`);
        return inner.get(key);
      },
      put: (key, body) => inner.put(key, body),
      list: (prefix) => inner.list(prefix),
    };
    const cache = new ObjectStoreTaskDefinitionSpecCache(store);
    await expect(cache.get([ARN(1)])).rejects.toMatchObject({
      code: "io",
      message: `could not read the task definition memo ${TASK_DEFINITION_SPECS_KEY}: S3 refused to read ${TASK_DEFINITION_SPECS_KEY}: AccessDenied: Access Denied`,
    });
    fail = false;
    await cache.put(new Map([[ARN(1), revision("img:1")]]));
    expect(inner.calls).toEqual([GET, PUT]);
  });

  it("hands out copies: changing what get returned does not change the memo", async () => {
    const cache = new ObjectStoreTaskDefinitionSpecCache(new CountingObjectStore());
    await cache.put(new Map([[ARN(1), revision("img:1")]]));
    (await cache.get([ARN(1)])).get(ARN(1))!.spec.image = "changed";
    expect((await cache.get([ARN(1)])).get(ARN(1))?.spec.image).toBe("img:1");
  });
});

describe("InMemoryTaskDefinitionSpecCache", () => {
  it("remembers for its own life and hands out copies", async () => {
    const cache = new InMemoryTaskDefinitionSpecCache();
    const given = revision("img:1");
    await cache.put(new Map([[ARN(1), given]]));
    given.spec.image = "changed after put";
    const found = await cache.get([ARN(1), ARN(2)]);
    expect(found).toEqual(new Map([[ARN(1), revision("img:1")]]));
    found.get(ARN(1))!.tags["labenv:lab"] = "changed after get";
    expect((await cache.get([ARN(1)])).get(ARN(1))).toEqual(revision("img:1"));
    expect(cache.size).toBe(1);
  });
});
