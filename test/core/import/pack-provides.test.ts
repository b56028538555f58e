import { describe, expect, it } from "vitest";
import { judgeOption, packProvides } from "../../../reconciler/core/import/pack-provides.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles } from "../../helpers/example-repo.js";

const { repository } = loadRepository(exampleFiles(), createSchemaValidator());
const pack = (label: string) => {
  const found = [...repository.packs.values()].find(
    (p) => `${p.doc.metadata.name}@${p.doc.metadata.version}` === label,
  );
  if (!found) throw new Error(label);
  return found;
};
const source = { file: "requirements.txt", line: 1 };

describe("what a pack provides", () => {
  it("R comes with an R kernel, at the kernel's version; a pack without one provides no R", () => {
    expect(packProvides(pack("genomics@1.2.0"), "r", "R")).toBe("4.4.1");
    expect(packProvides(pack("ml@2.1.0"), "r", "R")).toBeUndefined();
    expect(packProvides(pack("climate@1.2.0"), "system", "cdo")).toBeUndefined();
  });

  it("declared software is matched without regard to case", () => {
    const declared = {
      ...pack("genomics@2.0.0"),
      doc: {
        ...pack("genomics@2.0.0").doc,
        spec: {
          ...pack("genomics@2.0.0").doc.spec,
          provides: { system: { ffmpeg: "7.1" }, r: { DESeq2: "1.44.0" } },
        },
      },
    };
    expect(packProvides(declared, "r", "deseq2")).toBe("1.44.0");
    expect(packProvides(declared, "system", "FFmpeg")).toBe("7.1");
    expect(packProvides(declared, "system", "deseq2")).toBeUndefined();
  });
});

describe("what each pip option becomes", () => {
  it("the lab's own index is honoured whether written as its base URL or its /simple URL", () => {
    for (const value of ["https://pypi.org/simple", "https://pypi.org/simple/", "https://PyPI.org"])
      expect(judgeOption({ name: "--index-url", value, source }, "https://pypi.org").honoured).toBe(
        true,
      );
    const other = judgeOption(
      { name: "--extra-index-url", value: "https://download.pytorch.org/whl/cpu", source },
      "https://pypi.org",
    );
    expect(other).toEqual({
      honoured: false,
      reason: expect.stringContaining(
        "labenv resolves every package from https://pypi.org (packageIndex in labenv.yaml), not from https://download.pytorch.org/whl/cpu",
      ) as unknown,
    });
  });

  it("every option has a verdict with a reason", () => {
    for (const name of [
      "--pre",
      "--no-index",
      "--find-links",
      "--only-binary",
      "--no-binary",
      "--require-hashes",
      "--trusted-host",
      "--use-feature",
    ]) {
      const judged = judgeOption({ name, value: "x", source }, "package-index.yaml");
      expect(judged.reason.length, name).toBeGreaterThan(20);
    }
    expect(judgeOption({ name: "--pre", source }, "package-index.yaml").honoured).toBe(false);
  });
});
