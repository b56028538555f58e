import type { Kind } from "./documents.js";

/** Where each kind lives, as editor glob patterns (VS Code `yaml.schemas`). */
export const SCHEMA_GLOBS: Partial<Record<Kind, string[]>> = {
  RepoConfig: ["labenv.yaml"],
  Lab: ["environments/*/lab.yaml"],
  Environment: ["environments/*/*/environment.yaml"],
  EnvironmentLock: ["environments/*/*/environment.lock.yaml"],
  Snapshot: ["environments/*/*/snapshots/*.yaml"],
  Share: ["environments/*/shares/*.yaml"],
  Succession: ["environments/*/successions/*.yaml"],
  DomainPack: ["domain-packs/*/*/pack.yaml"],
  DomainPackRegistry: ["domain-packs/registry.yaml"],
};
