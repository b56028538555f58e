import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileStateStore } from "../../reconciler/adapters/file/file-state-store.js";
import { SandboxProvider } from "../../reconciler/adapters/sandbox/sandbox-provider.js";
import { parseEmbeddedIndex } from "../../reconciler/core/lock/package-index.js";
import type { RepoFile } from "../../reconciler/core/load/load-repository.js";
import { reconcile, type ReconcileResult } from "../../reconciler/core/reconcile/reconcile.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import type { Provider } from "../../reconciler/ports/provider.js";
import { exampleFiles, repoRoot } from "./example-repo.js";
import { packImageRegistry } from "../../reconciler/adapters/sandbox/sandbox-image.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";

export const check = createSchemaValidator();
/** The pack images published upstream: the example repository's packs. */
export const packImages = packImageRegistry(
  loadRepository(exampleFiles(), createSchemaValidator()).repository,
);
export const index = parseEmbeddedIndex(readFileSync(join(repoRoot, "package-index.yaml"), "utf8"));

/** A fresh sandbox account and file state store in a temp directory. */
export function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), "labenv-sandbox-"));
  let clock = Date.parse("2026-11-23T12:00:00Z");
  const now = () => new Date((clock += 1000));
  return {
    dir,
    provider: new SandboxProvider(dir, { now, registry: packImages }),
    state: new FileStateStore(join(dir, "state")),
    now,
  };
}

export async function run(
  files: readonly RepoFile[],
  s: ReturnType<typeof sandbox>,
  options: { provider?: Provider; mode?: "plan" | "apply"; owner?: string; today?: string } = {},
): Promise<ReconcileResult> {
  return reconcile(
    {
      files,
      commit: "c0ffee",
      today: options.today ?? "2026-11-23",
      index: () => index,
      mode: options.mode ?? "apply",
      trigger: "test",
    },
    {
      provider: options.provider ?? s.provider,
      state: s.state,
      check,
      now: s.now,
      runId: Math.random().toString(16).slice(2),
      owner: options.owner ?? "test",
    },
  );
}

/**
 * A provider that fails some applies: `before` the effect (throttling: AWS
 * refused the call) or `after` it (a crash: the effect happened but the run
 * died before it could record it).
 */
export function failing(
  inner: Provider,
  shouldFail: (n: number) => boolean,
  when: "before" | "after" = "before",
): Provider {
  let n = 0;
  return {
    name: inner.name,
    label: inner.label,
    buildsImages: inner.buildsImages ?? false,
    ...(inner.lanes !== undefined && { lanes: inner.lanes }),
    observe: () => inner.observe(),
    apply: async (action, resolve) => {
      n += 1;
      const fail = shouldFail(n);
      if (fail && when === "before") throw new Error("ThrottlingException: Rate exceeded");
      const result = await inner.apply(action, resolve);
      if (fail) throw new Error("the reconciler crashed after the effect");
      return result;
    },
  };
}
