import type { EnvironmentLock, Observation } from "../../core/model/documents.js";
import type { SandboxChange } from "./sandbox-exec-state.js";
import type { ImageContents } from "./sandbox-image.js";

/** What a simulated container has installed: the image it started from with the recorded changes applied in order. */
export interface InstalledState {
  python: string;
  packages: Map<string, { version: string; requested: boolean }>;
  kernels: Map<string, EnvironmentLock["spec"]["kernels"][number]>;
  extensions: Map<string, string>;
  config: Map<string, string>;
  /** R packages beyond R's own, when the image has R. */
  r?: Map<string, string>;
  julia?: { name: string; version: string; gitTreeSha1: string }[];
}

export function installedState(
  image: ImageContents,
  changes: readonly SandboxChange[],
): InstalledState {
  const s: InstalledState = {
    python: image.python,
    packages: new Map(
      image.packages.map((p) => [p.name, { version: p.version, requested: p.requested }]),
    ),
    kernels: new Map(image.kernels.map((k) => [k.name, k])),
    extensions: new Map(image.extensions.map((e) => [e.name, e.version])),
    config: new Map(image.config.map((c) => [c.key, c.sha256])),
    ...(image.r ? { r: new Map(image.r.packages.map((p) => [p.name, p.version])) } : {}),
    ...(image.julia ? { julia: image.julia.map((p) => ({ ...p })) } : {}),
  };
  for (const c of changes) {
    switch (c.op) {
      case "pip-install":
        for (const p of c.packages)
          s.packages.set(p.name, {
            version: p.version,
            requested: p.requested || (s.packages.get(p.name)?.requested ?? false),
          });
        break;
      case "pip-uninstall":
        for (const n of c.names) s.packages.delete(n);
        break;
      case "kernel-remove":
        s.kernels.delete(c.name);
        break;
      case "extension-install":
        s.extensions.set(c.name, c.version);
        break;
      case "config-set":
        s.config.set(c.key, c.sha256);
        break;
    }
  }
  return s;
}

/** The Observation the labenv agent would write for this container. */
export function observationOf(
  environment: string,
  task: string,
  state: InstalledState,
  observedAt: string,
): Observation {
  const [lab, env] = environment.split("/") as [string, string];
  const byName = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    apiVersion: "labenv.westtek.io/v1",
    kind: "Observation",
    metadata: { lab, environment: env, observedAt, source: "sandbox", task },
    spec: {
      python: state.python,
      packages: byName(state.packages).map(([name, p]) => ({
        name,
        version: p.version,
        installer: "pip",
        requested: p.requested,
      })),
      kernels: byName(state.kernels).map(([, k]) => ({ ...k })),
      extensions: byName(state.extensions).map(([name, version]) => ({ name, version })),
      jupyterConfig: byName(state.config).map(([key, sha256]) => ({ key, sha256 })),
      ...(state.r
        ? { rPackages: byName(state.r).map(([name, version]) => ({ name, version })) }
        : {}),
      ...(state.julia ? { juliaPackages: state.julia.map((p) => ({ ...p })) } : {}),
    },
  };
}
