import { describe, expect, it } from "vitest";
import { decideAccess, type AccessSources } from "../../../reconciler/core/access/who-may-open.js";
import { lab, loaded, member, share } from "../../helpers/access-sources.js";

const sources: AccessSources = {
  labs: new Map([
    [
      "genomics",
      lab(
        "genomics",
        ["mchen", "rpatel"],
        [
          member("mchen", "Mei Chen", 1),
          member("rpatel", "Ravi Patel", 2),
          member("ajones", "Amara Jones", 3),
          member("lwu", "Lin Wu", 4, "2026-11-30"),
        ],
      ),
    ],
    [
      "vision",
      lab(
        "vision",
        ["dsato"],
        [
          member("dsato", "Dai Sato", 10),
          member("epetrov", "Elena Petrov", 11),
          member("kboyd", "Kim Boyd", 12),
          member("old", "Old Member", 13, "2026-01-01"),
        ],
      ),
    ],
    ["climate", lab("climate", ["hnoor"], [member("hnoor", "Hana Noor", 20)])],
  ]),
  environments: new Map([
    ["genomics/rnaseq", loaded("Environment", "e1", { metadata: {}, spec: { owner: "ajones" } })],
    ["genomics/atlas", loaded("Environment", "e2", { metadata: {}, spec: { owner: "lwu" } })],
    ["genomics/variants", loaded("Environment", "e3", { metadata: {}, spec: { owner: "rpatel" } })],
  ]),
  shares: new Map([
    // Two named members of vision may open rnaseq read-only.
    [
      "genomics/rnaseq-to-vision",
      share("genomics", "rnaseq-to-vision", {
        environment: "rnaseq",
        to: { lab: "vision", members: ["dsato", "epetrov"] },
      }),
    ],
    // Every member of climate may open variants, until the share expired.
    [
      "genomics/variants-to-climate",
      share("genomics", "variants-to-climate", {
        environment: "variants",
        to: { lab: "climate" },
        expires: "2026-11-01",
      }),
    ],
    // Clone shares and snapshot shares do not open the live environment.
    [
      "genomics/variants-clone",
      share("genomics", "variants-clone", {
        environment: "variants",
        to: { lab: "vision" },
        access: "clone",
      }),
    ],
    [
      "genomics/variants-snapshot",
      share("genomics", "variants-snapshot", {
        environment: "variants",
        to: { lab: "vision", members: ["kboyd"] },
        snapshot: "paper-1",
      }),
    ],
    // Every member of vision, no list.
    [
      "genomics/atlas-to-vision",
      share("genomics", "atlas-to-vision", { environment: "atlas", to: { lab: "vision" } }),
    ],
  ]),
};

const TODAY = "2026-12-03";

describe("who may open an environment", () => {
  const cases: {
    who: string;
    env: string;
    expect: "owner" | "share-recipient" | 403 | 404;
    says?: RegExp;
  }[] = [
    { who: "ajones", env: "genomics/rnaseq", expect: "owner" },
    { who: "mchen", env: "genomics/rnaseq", expect: 403, says: /Amara Jones's environment/ },
    { who: "rpatel", env: "genomics/rnaseq", expect: 403 },
    { who: "dsato", env: "genomics/rnaseq", expect: "share-recipient" },
    { who: "epetrov", env: "genomics/rnaseq", expect: "share-recipient" },
    { who: "kboyd", env: "genomics/rnaseq", expect: 403, says: /names only dsato, epetrov/ },
    { who: "kboyd", env: "genomics/atlas", expect: "share-recipient" },
    { who: "old", env: "genomics/atlas", expect: 403, says: /appointment in vision ended/ },
    { who: "hnoor", env: "genomics/variants", expect: 403, says: /expired on 2026-11-01/ },
    { who: "kboyd", env: "genomics/variants", expect: 403, says: /not shared read-only/ },
    { who: "dsato", env: "genomics/variants", expect: 403, says: /not shared read-only/ },
    {
      who: "lwu",
      env: "genomics/atlas",
      expect: 403,
      says: /appointment in genomics ended on 2026-11-30/,
    },
    { who: "nobody", env: "genomics/rnaseq", expect: 403 },
    { who: "ajones", env: "genomics/missing", expect: 404 },
    { who: "ajones", env: "nolab/rnaseq", expect: 404 },
  ];
  it.each(cases)("$who → $env: $expect", (c) => {
    const [labName, env] = c.env.split("/") as [string, string];
    const d = decideAccess(sources, { member: c.who }, labName, env, TODAY);
    if (c.expect === "owner" || c.expect === "share-recipient") {
      expect(d).toMatchObject({ allow: true, as: c.expect, member: c.who, environment: c.env });
    } else {
      expect(d).toMatchObject({ allow: false, status: c.expect });
      if (c.says && !d.allow) expect(d.reason).toMatch(c.says);
    }
  });

  it("a share recipient gets a read-only view and the share that let them in", () => {
    expect(decideAccess(sources, { member: "dsato" }, "genomics", "rnaseq", TODAY)).toEqual({
      allow: true,
      as: "share-recipient",
      environment: "genomics/rnaseq",
      member: "dsato",
      share: "genomics/rnaseq-to-vision",
      readOnly: true,
    });
  });

  it("a 403 names the owner and the lab's approvers as the people who may grant access", () => {
    const d = decideAccess(
      sources,
      { member: "hnoor", shownAs: "hana@uni.edu" },
      "genomics",
      "rnaseq",
      TODAY,
    );
    expect(d.allow).toBe(false);
    if (d.allow) return;
    expect(d.grantors).toEqual([
      { id: "ajones", name: "Amara Jones" },
      { id: "mchen", name: "Mei Chen" },
      { id: "rpatel", name: "Ravi Patel" },
    ]);
    expect(d.reason).toMatch(/^hana@uni\.edu may not open genomics\/rnaseq/);
    expect(d.howToGetAccess).toBe(
      "Ask Amara Jones (ajones), Mei Chen (mchen) or Ravi Patel (rpatel) to share genomics/rnaseq read-only with your lab (a Share in environments/genomics/shares/, approved by both labs).",
    );
  });

  it("a share stops counting the day after it expires, not on its last day", () => {
    const open = (today: string) =>
      decideAccess(sources, { member: "hnoor" }, "genomics", "variants", today).allow;
    expect(open("2026-11-01")).toBe(true);
    expect(open("2026-11-02")).toBe(false);
  });
});
