// The published dashboard: who may read which site (table-driven), and a publish that writes
// only what changed, the site's list of files after its files, and nothing at all for a build
// that is already current.
import { describe, expect, it } from "vitest";
import {
  dashboardAccessOf,
  dashboardObjects,
  publishSite,
  readCurrent,
  sitesFor,
  type DashboardAccess,
} from "../../../reconciler/core/dashboard/published-sites.js";
import { sha256Hex } from "../../../reconciler/core/lock/canonical.js";
import { CountingObjectStore } from "../../adapters/aws/fixtures/counting-object-store.js";
import { lab, member } from "../../helpers/access-sources.js";

const access: DashboardAccess = dashboardAccessOf(
  {
    labs: new Map([
      [
        "genomics",
        lab(
          "genomics",
          ["mchen"],
          [
            member("mchen", "M Chen", 2001),
            member("lwu", "L Wu", 2002, "2026-12-31"),
            member("tkim", "T Kim", 2003),
          ],
        ),
      ],
      [
        "vision",
        lab("vision", ["dsato"], [member("dsato", "D Sato", 3001), member("tkim", "T Kim", 2003)]),
      ],
    ]),
  },
  ["tkim", "auditor"],
  "c0ffee",
);

describe("sitesFor: who may read which published site", () => {
  it.each([
    ["a member of one lab reads that lab's site", "mchen", "2026-12-07", ["labs/genomics"]],
    ["a member reads it on their last day", "lwu", "2026-12-31", ["labs/genomics"]],
    ["and no longer the day after", "lwu", "2027-01-01", []],
    [
      "a fleet viewer in two labs reads the fleet and both",
      "tkim",
      "2026-12-07",
      ["fleet", "labs/genomics", "labs/vision"],
    ],
    ["a fleet viewer in no lab reads the fleet only", "auditor", "2026-12-07", ["fleet"]],
    ["someone in no lab.yaml reads nothing", "stranger", "2026-12-07", []],
    ["an identity without a member id reads nothing", "", "2026-12-07", []],
  ])("%s", (_, who, today, sites) => {
    expect(sitesFor(access, who, today)).toEqual(sites);
  });

  it("keeps no more of lab.yaml than membership and end dates", () => {
    expect(access.labs[0]).toEqual({
      name: "genomics",
      members: [{ id: "mchen" }, { id: "lwu", until: "2026-12-31" }, { id: "tkim" }],
    });
    expect(access.fleetViewers).toEqual(["auditor", "tkim"]);
  });
});

const GENERATED = "2026-12-07T10:00:00Z";
const site = (build: string, pages: Record<string, string>) =>
  new Map([
    ...Object.entries(pages),
    ["build.json", JSON.stringify({ build, generatedAt: GENERATED })],
  ]);
/** publishSite for a build whose files are `files` (its build.json names it). */
const publish = (store: CountingObjectStore, name: string, files: Map<string, string>) =>
  publishSite(
    store,
    name,
    {
      id: (JSON.parse(files.get("build.json") ?? "{}") as { build?: string }).build ?? "",
      generatedAt: GENERATED,
    },
    () => files,
  );

describe("publishSite", () => {
  it("writes every file, then the site's list of files", async () => {
    const store = new CountingObjectStore();
    const r = await publish(
      store,
      "labs/genomics",
      site("aaaaaaaaaaaaaaaa", { "index.html": "<p>1</p>", "x.csv": "a" }),
    );
    expect(r).toMatchObject({ written: 3, files: 3 });
    const puts = store.calls.filter((c) => c.startsWith("put "));
    expect(puts.at(-1)).toBe(`put ${dashboardObjects.current("labs/genomics")}`);
    expect(store.text(dashboardObjects.file("labs/genomics", "index.html"))).toBe("<p>1</p>");
    const current = await readCurrent(store, "labs/genomics");
    expect(Object.keys(current!.files).sort()).toEqual(["build.json", "index.html", "x.csv"]);
  });

  it("writes only the files whose content changed, and drops a file the new build lacks from the list", async () => {
    const store = new CountingObjectStore();
    await publish(
      store,
      "fleet",
      site("aaaaaaaaaaaaaaaa", { "index.html": "old", "gone.html": "g", "same.css": "c" }),
    );
    store.clear();
    const r = await publish(
      store,
      "fleet",
      site("bbbbbbbbbbbbbbbb", { "index.html": "new", "same.css": "c" }),
    );
    expect(store.calls.filter((c) => c.startsWith("put "))).toEqual([
      `put ${dashboardObjects.file("fleet", "index.html")}`,
      `put ${dashboardObjects.file("fleet", "build.json")}`,
      `put ${dashboardObjects.current("fleet")}`,
    ]);
    expect(r.written).toBe(2);
    const current = await readCurrent(store, "fleet");
    expect(current!.build).toBe("bbbbbbbbbbbbbbbb");
    expect(Object.keys(current!.files)).not.toContain("gone.html");
    // The old file is still stored (nothing is deleted), but no longer listed.
    expect(store.text(dashboardObjects.file("fleet", "gone.html"))).toBe("g");
  });

  it("writes nothing for the build that is already current", async () => {
    const store = new CountingObjectStore();
    const files = site("cccccccccccccccc", { "index.html": "x" });
    await publish(store, "fleet", files);
    store.clear();
    expect((await publish(store, "fleet", files)).written).toBe(0);
    expect(store.calls.filter((c) => c.startsWith("put "))).toEqual([]);
  });

  it("refuses a build without a build id", async () => {
    await expect(
      publish(new CountingObjectStore(), "fleet", new Map([["index.html", "x"]])),
    ).rejects.toThrow(/no build id/);
  });

  it("a publish killed halfway leaves the old list in place, and the next one converges", async () => {
    const store = new CountingObjectStore();
    await publish(store, "fleet", site("aaaaaaaaaaaaaaaa", { "index.html": "old", "a.csv": "1" }));
    const next = site("bbbbbbbbbbbbbbbb", { "index.html": "new", "a.csv": "2", "b.csv": "3" });
    // The process dies after its second write: before the site's list of files.
    let puts = 0;
    const dying = Object.assign(Object.create(store) as CountingObjectStore, {
      put: async (key: string, body: string | Uint8Array) => {
        if (++puts > 2) throw new Error("killed");
        await store.put(key, body);
      },
    });
    await expect(publish(dying, "fleet", next)).rejects.toThrow("killed");
    const half = await readCurrent(store, "fleet");
    expect(half!.build).toBe("aaaaaaaaaaaaaaaa");
    expect(Object.keys(half!.files)).not.toContain("b.csv");

    await publish(store, "fleet", next);
    const done = await readCurrent(store, "fleet");
    expect(done!.build).toBe("bbbbbbbbbbbbbbbb");
    for (const [path, sum] of Object.entries(done!.files))
      expect(sha256Hex(store.text(dashboardObjects.file("fleet", path))!)).toBe(sum);
  });
});
