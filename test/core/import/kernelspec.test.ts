import { describe, expect, it } from "vitest";
import { importKernelspecList } from "../../../reconciler/core/import/index.js";

function read(text: string) {
  return importKernelspecList({ file: "kernels.json", text });
}

describe("jupyter kernelspec list --json", () => {
  it("reads each kernel with its line", () => {
    const result = read(
      JSON.stringify(
        {
          kernelspecs: {
            python3: {
              resource_dir: "/k/python3",
              spec: {
                argv: ["python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name: "Python 3",
                language: "python",
              },
            },
          },
        },
        null,
        2,
      ),
    );
    expect(result.kernels).toEqual([
      {
        name: "python3",
        displayName: "Python 3",
        language: "python",
        argv: ["python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        resourceDir: "/k/python3",
        source: { file: "kernels.json", line: 3 },
      },
    ]);
  });

  it("reports malformed kernels at their line and keeps the others", () => {
    const text = JSON.stringify(
      {
        kernelspecs: {
          good: { spec: { argv: ["julia"], display_name: "Julia", language: "julia" } },
          bad: { spec: { argv: [], display_name: "Bad" } },
        },
      },
      null,
      2,
    );
    const result = read(text);
    expect(result.kernels?.map((k) => k.name)).toEqual(["good"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: 12, message: expect.stringContaining('"bad"') }),
    ]);
  });

  it("refuses text that is not a kernelspec list", () => {
    expect(read("[]").diagnostics[0]).toMatchObject({ line: 1 });
    expect(read('{"kernelspecs": ').diagnostics[0]).toMatchObject({ line: 1, column: 17 });
  });
});
