import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import {
  editYaml,
  exampleFiles,
  TODAY,
  withFile,
  withoutFile,
} from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const GENOMICS = "environments/genomics-core/lab.yaml";
const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const SUCCESSION = "environments/genomics-core/successions/lwu-graduation.yaml";

function errors(files: RepoFile[], today = TODAY) {
  return validateFiles(files, check, { today }).diagnostics.filter((d) => d.severity === "error");
}
const base = exampleFiles();
const VARIANT_CALLING = "environments/genomics-core/variant-calling/environment.yaml";

describe("cross-document rules", () => {
  it("owner must be a member of the lab", () => {
    const [d] = errors(editYaml(base, RNASEQ, (doc) => doc.setIn(["spec", "owner"], "ghost")));
    expect(d).toMatchObject({ file: RNASEQ, code: "environment-owner", line: 10, column: 10 });
    expect(d!.message).toContain("`ghost` is not a member of genomics-core");
  });

  it("funding must be one of the lab's sources", () => {
    const [d] = errors(
      editYaml(base, RNASEQ, (doc) => doc.setIn(["metadata", "funding"], "nsf-ags-2231234")),
    );
    expect(d).toMatchObject({ code: "environment-funding", line: 8 });
  });

  it("domain pack must exist and the range must match a published version", () => {
    expect(
      errors(
        editYaml(base, RNASEQ, (doc) => doc.setIn(["spec", "domainPack"], "proteomics@^1")),
      )[0]!.message,
    ).toMatch(/`proteomics` does not exist/);
    const [d] = errors(
      editYaml(base, RNASEQ, (doc) => doc.setIn(["spec", "domainPack"], "genomics@^3")),
    );
    expect(d!.message).toMatch(
      /no published, non-yanked version of `genomics` matches `\^3` \(published: 2.0.0, 1.2.0, 1.1.0, 1.0.0\)/,
    );
  });

  it("a yanked pack version is never chosen", () => {
    const pack = "domain-packs/genomics/1.2.0/pack.yaml";
    const files = editYaml(base, pack, (doc) =>
      doc.setIn(["spec", "yanked"], { reason: "broken pysam build" }),
    );
    const env = editYaml(files, RNASEQ, (doc) =>
      doc.setIn(["spec", "domainPack"], "genomics@~1.2.0"),
    );
    const d = errors(env).find((e) => e.file === RNASEQ);
    expect(d!.message).toMatch(/1.2.0 \(yanked\)/);
  });

  it("kernels must be offered by the pack", () => {
    const [d] = errors(
      editYaml(base, RNASEQ, (doc) => doc.setIn(["spec", "kernels"], ["python3", "julia-1.10"])),
    );
    expect(d).toMatchObject({ code: "kernel", path: "spec.kernels[1]" });
  });

  it("POSIX uids are unique across labs, ids and logins within a lab", () => {
    const files = editYaml(base, GENOMICS, (doc) =>
      doc.setIn(["spec", "members", 1, "uid"], 21001),
    );
    const [d] = errors(files);
    expect(d).toMatchObject({ code: "unique-ids", path: "spec.members[1].uid" });
    expect(d!.message).toContain("already used by @ofernandez-climate in climate-dynamics");
    const dupId = editYaml(base, GENOMICS, (doc) =>
      doc.setIn(["spec", "members", 2, "id"], "rpatel"),
    );
    expect(errors(dupId).map((e) => e.code)).toContain("unique-ids");
  });

  it("approvers and the PI are members", () => {
    const [d] = errors(
      editYaml(base, GENOMICS, (doc) => doc.setIn(["spec", "approvers"], ["mchen", "nobody"])),
    );
    expect(d).toMatchObject({ code: "lab-members", path: "spec.approvers[1]" });
  });

  it("lab quotas are not exceeded", () => {
    const [d] = errors(
      editYaml(base, GENOMICS, (doc) => doc.setIn(["spec", "quotas", "cpu"], 2048)),
    );
    expect(d).toMatchObject({ code: "lab-quotas", path: "spec.quotas.cpu" });
    expect(d!.message).toContain("uses 3072 cpu units (running), over its quota of 2048");
  });

  it("Fargate cpu/memory pairs are checked with the allowed range in the message", () => {
    const [d] = errors(
      editYaml(base, RNASEQ, (doc) => doc.setIn(["spec", "resources", "memory"], 16384)),
    );
    expect(d!.message).toBe(
      "spec.resources: Fargate does not offer cpu 1024 with memory 16384 MiB (allowed with 1024: 2048–8192 in steps of 1024)",
    );
  });

  it("snapshot, share and succession subjects exist", () => {
    const noEnv = withoutFile(base, "environments/genomics-core/rnaseq/environment.yaml");
    const codes = errors(noEnv).map((e) => `${e.file} ${e.code}`);
    expect(codes).toContain(
      "environments/genomics-core/rnaseq/snapshots/before-genomics-2.yaml snapshot-subject",
    );
    expect(codes).toContain(`${SHARE} share-subject`);
    const toSelf = errors(
      editYaml(base, SHARE, (doc) => doc.setIn(["spec", "to", "lab"], "genomics-core")),
    );
    expect(toSelf[0]!.message).toMatch(/another lab/);
    const wrongMember = errors(
      editYaml(base, SHARE, (doc) => doc.setIn(["spec", "to", "members"], ["dsato", "rpatel"])),
    );
    expect(wrongMember[0]).toMatchObject({ path: "spec.to.members[1]" });
  });

  it("a restore from a snapshot nobody requests is a warning at restoreFrom.snapshot, and known names pass", () => {
    const restoring = (id: string) =>
      validateFiles(
        editYaml(base, VARIANT_CALLING, (doc) =>
          doc.setIn(["spec", "restoreFrom"], { snapshot: id }),
        ),
        check,
        { today: TODAY },
      ).diagnostics.filter((d) => d.code === "restore-source");
    const [d, ...more] = restoring("genomics-core/rnaseq/not-requested");
    expect(more).toEqual([]);
    expect(d).toMatchObject({
      file: VARIANT_CALLING,
      severity: "warning",
      path: "spec.restoreFrom.snapshot",
    });
    expect(d!.line).toBeGreaterThan(1);
    expect(d!.message).toContain(
      "no snapshot genomics-core/rnaseq/not-requested is requested in this repository",
    );
    expect(d!.hint).toMatch(/labenv snapshot list/);
    // A Snapshot document, a scheduled slot and a succession's snapshot are known.
    expect(restoring("genomics-core/rnaseq/before-genomics-2")).toEqual([]);
    expect(restoring("genomics-core/rnaseq/scheduled-20261201-0300")).toEqual([]);
    expect(restoring("genomics-core/rnaseq/succession-lwu-graduation")).toEqual([]);
    // A name that only looks like a slot is not one.
    expect(restoring("genomics-core/rnaseq/scheduled-20261399-0300")).toHaveLength(1);
  });

  it("successions are between members of the lab", () => {
    const [d] = errors(editYaml(base, SUCCESSION, (doc) => doc.setIn(["spec", "to"], "sbauer")));
    expect(d).toMatchObject({ code: "succession-members", path: "spec.to" });
  });

  it("the outgoing researcher stays in lab.yaml through effective + keepAccessDays, and may leave after", () => {
    // The hand-over merged (ajones owns variant-calling); lwu is removed from genomics-core.
    const left = editYaml(
      editYaml(base, VARIANT_CALLING, (doc) => doc.setIn(["spec", "owner"], "ajones")),
      "environments/genomics-core/lab.yaml",
      (doc) => {
        const members = doc.getIn(["spec", "members"]) as { items: { get(k: string): unknown }[] };
        members.items = members.items.filter((m) => m.get("id") !== "lwu");
      },
    );
    const during = errors(left, "2027-03-01").filter((e) => e.code === "succession-members");
    expect(during).toHaveLength(1);
    expect(during[0]).toMatchObject({ file: SUCCESSION, path: "spec.from" });
    expect(during[0]!.hint).toContain("keep them in lab.yaml through 2027-03-01");
    expect(errors(left, "2027-03-02")).toEqual([]);
  });

  it("an environment is handed over once by its outgoing researcher", () => {
    const text = String(base.find((f) => f.path === SUCCESSION)!.content);
    const again = withFile(
      base,
      "environments/genomics-core/successions/lwu-again.yaml",
      text.replace("name: lwu-graduation", "name: lwu-again").replace("to: ajones", "to: rpatel"),
    );
    const twice = errors(again).filter((e) => e.code === "succession-twice");
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatchObject({
      // Files are read in name order: lwu-again.yaml comes first, the second hand-over is flagged.
      file: SUCCESSION,
      path: "spec.environments[0]",
    });
    expect(twice[0]!.message).toMatch(
      /genomics-core\/variant-calling is already handed over by `lwu` in environments\/genomics-core\/successions\//,
    );
    // A later hand-over by the new owner is a chain, not a second hand-over.
    const chain = withFile(
      base,
      "environments/genomics-core/successions/ajones-leaves.yaml",
      text
        .replace("name: lwu-graduation", "name: ajones-leaves")
        .replace("from: lwu", "from: ajones")
        .replace("to: ajones", "to: rpatel"),
    );
    expect(errors(chain).filter((e) => e.code === "succession-twice")).toEqual([]);
  });

  it("an expired share is a warning, never an error: it is revoked, nothing is held back", () => {
    expect(errors(base, "2029-07-01").filter((e) => e.file === SHARE)).toEqual([]);
    const all = (today: string) =>
      validateFiles(base, check, { today }).diagnostics.filter(
        (d) => d.code === "share-expiry" && d.file === SHARE,
      );
    expect(all("2029-07-01")[0]).toMatchObject({ severity: "warning", file: SHARE, line: 14 });
    expect(all("2029-07-01")[0]!.message).toMatch(
      /expired on 2029-06-30 .*the next reconcile revokes it/,
    );
    // `expires` is the last day of the share.
    expect(all("2029-06-30")).toEqual([]);
  });

  it("a restricted environment is shared only with allowRestricted", () => {
    const restricted = editYaml(base, RNASEQ, (doc) =>
      doc.setIn(["spec", "criticality"], "restricted"),
    );
    const [d] = errors(restricted).filter((e) => e.file === SHARE);
    expect(d).toMatchObject({ code: "share-restricted", path: "spec.environment" });
    expect(d!.hint).toMatch(/PI must then approve/);
    const allowed = editYaml(restricted, SHARE, (doc) =>
      doc.setIn(["spec", "allowRestricted"], true),
    );
    expect(errors(allowed).filter((e) => e.file === SHARE)).toEqual([]);
  });

  it("a share's mount path is free in the receiving environments", () => {
    const live = editYaml(base, SHARE, (doc) => doc.deleteIn(["spec", "snapshot"]));
    expect(errors(live).filter((e) => e.file === SHARE)).toEqual([]);
    const clash = editYaml(live, SHARE, (doc) =>
      doc.setIn(["spec", "mountPath"], "/data/imagenet"),
    );
    const [d] = errors(clash).filter((e) => e.file === SHARE);
    expect(d).toMatchObject({ code: "share-mount-path", path: "spec.mountPath" });
    expect(d!.message).toMatch(/a dataset of ml-vision\/segmentation/);
    const home = editYaml(live, SHARE, (doc) => doc.setIn(["spec", "mountPath"], "/home/jovyan/x"));
    expect(errors(home)[0]).toMatchObject({ code: "schema", file: SHARE });
  });

  it("secret-looking values and keys are rejected anywhere", () => {
    const files = editYaml(base, RNASEQ, (doc) =>
      doc.setIn(["spec", "description"], "key AKIAIOSFODNN7EXAMPLE for s3"),
    );
    expect(errors(files)[0]).toMatchObject({ code: "no-secrets", path: "spec.description" });
    const key = editYaml(base, RNASEQ, (doc) =>
      doc.setIn(["spec", "jupyterConfig", "ServerApp.token"], "abc"),
    );
    expect(errors(key)[0]).toMatchObject({
      code: "schema",
      path: "spec.jupyterConfig.ServerApp.token",
    });
    const label = editYaml(base, RNASEQ, (doc) =>
      doc.setIn(["metadata", "labels"], { "db-password": "x" }),
    );
    expect(errors(label).map((e) => e.code)).toContain("schema");
  });

  it("paths are identity", () => {
    const [d] = errors(editYaml(base, RNASEQ, (doc) => doc.setIn(["metadata", "name"], "rna-seq")));
    expect(d).toMatchObject({ code: "path-identity", line: 5, column: 9 });
    expect(d!.message).toBe('metadata.name is "rna-seq" but the file\'s path says "rnaseq"');
  });

  it("unknown files under environments/ are reported, not ignored", () => {
    const files = withFile(base, "environments/genomics-core/rnaseq/scratch.yaml", "a: 1\n");
    expect(errors(files)[0]).toMatchObject({
      code: "unknown-file",
      file: "environments/genomics-core/rnaseq/scratch.yaml",
    });
    const other = validateFiles(withFile(base, "environments/genomics-core/data.csv", "x"), check, {
      today: TODAY,
    }).diagnostics;
    expect(other.find((d) => d.file.endsWith("data.csv"))).toMatchObject({ severity: "warning" });
  });

  it("a document in the wrong place says what belongs there", () => {
    const lab = Buffer.from(base.find((f) => f.path === GENOMICS)!.content).toString("utf8");
    const [d] = errors(withFile(base, "environments/genomics-core/shares/oops.yaml", lab));
    expect(d!.message).toMatch(/must hold a `Share` document, found kind "Lab"/);
  });

  it("a broken lab.yaml does not cascade into errors about its missing lab", () => {
    const files = editYaml(base, GENOMICS, (doc) => doc.setIn(["spec", "posixGid"], "twenty"));
    expect(errors(files).map((e) => e.file)).toEqual([GENOMICS]);
  });

  it("unknown fields point at the key and suggest the nearest name", () => {
    const files = editYaml(base, RNASEQ, (doc) => doc.setIn(["spec", "domainpack"], "x"));
    const d = errors(files).find((e) => e.message.startsWith("unknown field"));
    expect(d!.hint).toMatch(/did you mean `domainPack`\?/);
  });
});

describe("package requirements", () => {
  const pkgs = (list: string[]) =>
    errors(editYaml(base, RNASEQ, (doc) => doc.setIn(["spec", "packages"], list)));

  it("are valid PEP 508, with the column of the problem", () => {
    const [d] = pkgs(["pydeseq2>=0.4.10,<0.5", "scanpy>=>1.10"]);
    expect(d).toMatchObject({ code: "package-requirement", path: "spec.packages[1]" });
    expect(d!.message).toMatch(/is not a valid PEP 508 requirement/);
  });

  it("name a package once, after PEP 503 normalization", () => {
    const [d] = pkgs(
      ["Py_DESeq2>=0.4", "pydeseq2<0.5"].map((s) => s.replace("Py_DESeq2", "PyDESeq2")),
    );
    expect(d!.message).toMatch(/`pydeseq2` is listed twice/);
  });

  it("cannot come from a direct URL", () => {
    expect(pkgs(["mytool @ https://example.org/mytool-1.0.tar.gz"])[0]!.message).toMatch(
      /direct URL/,
    );
  });

  it("must agree with what the domain pack pins, naming both sides", () => {
    const [d] = pkgs(["numpy>=2"]);
    expect(d!.message).toBe(
      "`numpy>=2` conflicts with the domain pack: genomics@1.2.0 pins numpy==1.26.4",
    );
    expect(pkgs(["numpy>=1.26,<2"])).toEqual([]);
  });
});
