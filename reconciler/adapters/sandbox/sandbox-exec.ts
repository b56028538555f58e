import { LabenvError } from "../../core/errors.js";
import { canonicalJson, sha256Hex } from "../../core/lock/canonical.js";
import type { PackageIndexData } from "../../core/lock/package-index.js";
import { resolve } from "../../core/lock/resolve.js";
import { normalizeName, parseRequirement } from "../../core/pep440/index.js";
import type { SandboxChange } from "./sandbox-exec-state.js";
import type { InstalledState } from "./sandbox-installed.js";

export const EXEC_USAGE = [
  "pip install <requirement>…   (resolved through the package index, dependencies included)",
  "pip uninstall <name>…",
  "kernel remove <name>",
  "extension install <name>==<version>",
  "config set <Section.option> <json value>",
].join("\n  ");

/**
 * What one command run inside a simulated container changes, judged against
 * what is installed there now. `pip install` resolves the requirement and its
 * dependencies through the package index, keeping what is installed, as pip
 * does when nothing needs upgrading.
 */
export function execCommand(
  words: readonly string[],
  installed: InstalledState,
  index: PackageIndexData,
): SandboxChange {
  const [tool, verb, ...args] = words;
  const usage = (why: string) =>
    new LabenvError("usage", `sandbox exec: ${why}`, { hint: `commands:\n  ${EXEC_USAGE}` });
  if (tool === "pip" && verb === "install") {
    if (args.length === 0) throw usage("pip install needs a requirement");
    return pipInstall(args, installed, index);
  }
  if (tool === "pip" && verb === "uninstall") {
    const names = args.filter((a) => a !== "-y" && a !== "--yes").map(normalizeName);
    if (names.length === 0) throw usage("pip uninstall needs a package name");
    for (const n of names)
      if (!installed.packages.has(n))
        throw new LabenvError("usage", `sandbox exec: ${n} is not installed`);
    return { op: "pip-uninstall", names };
  }
  if (tool === "kernel" && verb === "remove" && args.length === 1) {
    if (!installed.kernels.has(args[0]!))
      throw new LabenvError(
        "usage",
        `sandbox exec: no kernel named ${args[0]} (installed: ${[...installed.kernels.keys()].join(", ")})`,
      );
    return { op: "kernel-remove", name: args[0]! };
  }
  if (tool === "extension" && verb === "install" && args.length === 1) {
    const m =
      /^((?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*)==([0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(
        args[0]!,
      );
    if (!m) throw usage(`\`${args[0]}\` is not <npm name>==<x.y.z>`);
    return { op: "extension-install", name: m[1]!, version: m[2]! };
  }
  if (tool === "config" && verb === "set" && args.length >= 2) {
    const [key, ...rest] = args;
    if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(key!))
      throw usage(`\`${key}\` is not Section.option`);
    let value: unknown;
    try {
      value = JSON.parse(rest.join(" "));
    } catch {
      throw usage(`the value of ${key} must be JSON (e.g. 3600, true, "text")`);
    }
    return { op: "config-set", key: key!, sha256: sha256Hex(canonicalJson(value)) };
  }
  throw usage(`unknown command \`${words.join(" ")}\``);
}

function pipInstall(
  requirements: string[],
  installed: InstalledState,
  index: PackageIndexData,
): SandboxChange {
  const targets = new Set<string>();
  const unindexed: { name: string; version: string }[] = [];
  const resolvable: string[] = [];
  for (const text of requirements) {
    const r = parseRequirement(text);
    if (!r.ok)
      throw new LabenvError(
        "usage",
        `sandbox exec: \`${text}\` is not a valid requirement: ${r.error.message}`,
      );
    targets.add(r.value.normalizedName);
    const exact =
      r.value.specifier.specifiers.length === 1 &&
      r.value.specifier.specifiers[0]!.operator === "=="
        ? r.value.specifier.specifiers[0]!.version
        : undefined;
    // Not in the index (e.g. a package only the pack's image carries): pip would fetch it; the sandbox installs exactly it, without dependencies.
    if (!index.has(r.value.normalizedName) && exact)
      unindexed.push({ name: r.value.normalizedName, version: exact });
    else resolvable.push(text);
  }
  const pins = Object.fromEntries(
    [...installed.packages].filter(([n]) => !targets.has(n)).map(([n, p]) => [n, p.version]),
  );
  const r = resolve({
    requirements: resolvable,
    pins,
    packLabel: "the running environment",
    python: installed.python,
    index,
  });
  if (!r.ok)
    throw new LabenvError(
      "usage",
      `sandbox exec: pip cannot install ${requirements.join(" ")}: ${r.errors.join("; ")}`,
    );
  const packages = [...r.packages.filter((p) => p.source !== "pack"), ...unindexed]
    .filter((p) => installed.packages.get(p.name)?.version !== p.version)
    .map((p) => ({
      name: p.name,
      version: p.version,
      requested: targets.has(p.name),
      ...(installed.packages.has(p.name)
        ? { previous: installed.packages.get(p.name)!.version }
        : {}),
    }));
  return { op: "pip-install", requirements, packages };
}
