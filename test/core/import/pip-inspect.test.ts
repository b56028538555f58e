import { describe, expect, it } from "vitest";
import { importPipInspect } from "../../../reconciler/core/import/index.js";

function read(text: string) {
  return importPipInspect({ file: "inspect.json", text });
}

const report = (installed: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      version: "1",
      pip_version: "24.0",
      installed,
      environment: { python_full_version: "3.12.4", python_version: "3.12", sys_platform: "linux" },
      ...extra,
    },
    null,
    2,
  );

describe("pip inspect", () => {
  it("pins installed versions and keeps installer and requested", () => {
    const result = read(
      report([
        { metadata: { name: "Pandas", version: "2.2.2" }, installer: "pip", requested: true },
      ]),
    );
    expect(result.packages).toEqual([
      {
        name: "pandas",
        specifier: "==2.2.2",
        exact: "2.2.2",
        installer: "pip",
        requested: true,
        source: { file: "inspect.json", line: 5 },
      },
    ]);
    expect(result.python).toBe("==3.12.4");
    expect(result.markerEnvironment?.sys_platform).toBe("linux");
  });

  it("reports VCS, editable and URL installs with their name and version", () => {
    const result = read(
      report([
        {
          metadata: { name: "tool", version: "1.0" },
          direct_url: {
            url: "https://github.com/lab/tool.git",
            vcs_info: { vcs: "git", commit_id: "abc123" },
          },
        },
        {
          metadata: { name: "mine", version: "0.1" },
          direct_url: { url: "file:///home/me/mine", dir_info: { editable: true } },
        },
        {
          metadata: { name: "wheel-file", version: "2.0" },
          direct_url: { url: "file:///tmp/wheel_file-2.0-py3-none-any.whl", archive_info: {} },
        },
      ]),
    );
    expect(result.unmapped.map((u) => [u.kind, u.name, u.version])).toEqual([
      ["vcs", "tool", "1.0"],
      ["editable", "mine", "0.1"],
      ["local-path", "wheel-file", "2.0"],
    ]);
    expect(result.unmapped[0]?.reason).toContain("abc123");
  });

  it("refuses other report versions and broken JSON, with a line", () => {
    expect(read('{\n  "version": "2",\n  "installed": []\n}').diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        column: 14,
        message: expect.stringContaining('version "2"'),
      }),
    ]);
    expect(
      read('{\n  "version": "1",\n  "installed": [\n    {"metadata": {"name": "x",}}\n  ]\n}')
        .diagnostics,
    ).toEqual([
      expect.objectContaining({
        line: 4,
        column: 31,
        message: expect.stringContaining("not valid JSON"),
      }),
    ]);
  });

  it("reports entries without a name or version at their line", () => {
    const result = read(
      report([
        { metadata: { name: "ok", version: "1.0" } },
        { metadata: { name: "half" } },
        "junk",
      ]),
    );
    expect(result.packages.map((p) => p.name)).toEqual(["ok"]);
    expect(result.diagnostics.map((d) => d.line)).toEqual([11, 16]);
  });
});
