import { join } from "node:path";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import type { ObservedResource, ObservedState } from "../../core/model/resources.js";
import type { AppliedResource, ApplyLanes, Provider, ResolveId } from "../../ports/provider.js";
import { loadAccount, saveAccount, type SandboxAccount } from "./sandbox-account.js";
import { directoryAt, ensureDirectory } from "./sandbox-efs.js";
import { sandboxDrivers } from "./drivers/index.js";
import type { SandboxDriver } from "./drivers/sandbox-driver.js";
import type { ImageRegistry } from "./sandbox-image.js";
import { SandboxStorage } from "./sandbox-storage.js";
import { TAG } from "../../core/model/tags.js";
import { jupyterActivityFile, readVisits, simulatedActivity } from "./sandbox-jupyter.js";
import type { SeenActivity } from "../../core/access/usage.js";

/**
 * The embedded provider: a simulation of the AWS resources labenv manages,
 * kept in `.labenv/sandbox/account.json`, so the whole loop runs with no AWS
 * account. Every effect is written to disk before `apply` returns. Applies
 * are serialised (each reads, changes and writes the whole account), so
 * actions applied at the same time never lose each other's writes; it applies
 * one at a time unless given `lanes`.
 */
export class SandboxProvider implements Provider {
  readonly name = "sandbox" as const;
  readonly buildsImages = true;
  readonly prunesSnapshots = true;
  readonly label: string;
  private readonly file: string;
  /** Where the local gateway records the owner's visits (the simulated Jupyter's activity). */
  readonly jupyterActivityFile: string;
  private readonly drivers: ReturnType<typeof sandboxDrivers>;
  /** The simulated EFS file system and AWS Backup's recovery points, as real files. */
  readonly storage: SandboxStorage;
  readonly lanes?: ApplyLanes;
  /** The applies queued so far: each one starts when the one before it has written the account. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    private readonly options: {
      region?: string;
      cluster?: string;
      now?: () => Date;
      /** The upstream registry image builds pull their base (pack) images from. */
      registry?: ImageRegistry;
      /** Let the applier run independent actions at the same time (their effects are still serialised). */
      lanes?: ApplyLanes;
    } = {},
  ) {
    if (options.lanes !== undefined) this.lanes = options.lanes;
    this.file = join(dir, "sandbox", "account.json");
    this.jupyterActivityFile = jupyterActivityFile(join(dir, "sandbox"));
    this.storage = new SandboxStorage(join(dir, "sandbox"));
    this.drivers = sandboxDrivers(options.registry ?? (() => undefined), this.storage);
    this.label = `sandbox (local simulation of AWS in ${join(dir, "sandbox")})`;
  }

  account(): SandboxAccount {
    return loadAccount(
      this.file,
      this.options.region ?? "eu-west-1",
      this.options.cluster ?? "labenv",
    );
  }

  /**
   * A directory restored by AWS Backup keeps its owner and mode: `path` is recorded with those
   * of `like` (the directory it was restored from), unless EFS already has one there.
   */
  recordRestoredDirectory(path: string, like: string): void {
    const account = this.account();
    const from = directoryAt(account, like);
    if (from === undefined || directoryAt(account, path) !== undefined) return;
    ensureDirectory(account, { ...from, path });
    saveAccount(this.file, account);
  }

  async observe(): Promise<ObservedState> {
    const account = this.account();
    const foreign = (account.listenerRules ?? [])
      .filter((r) => !r.tags[TAG.resource])
      .map((r) => r.priority)
      .sort((a, b) => a - b);
    return {
      resources: Object.values(this.drivers).flatMap((d): ObservedResource[] => d.observe(account)),
      ...(foreign.length > 0 ? { foreignRulePriorities: foreign } : {}),
    };
  }

  /** Each environment's simulated task and Jupyter activity (see `sandbox-jupyter.ts`). */
  async activity(environments: readonly string[]): Promise<Map<string, SeenActivity>> {
    const account = this.account();
    const visits = readVisits(this.jupyterActivityFile);
    return new Map(environments.map((e) => [e, simulatedActivity(account, e, visits)]));
  }

  apply(action: Action, resolve: ResolveId): Promise<AppliedResource> {
    return this.serialised(() => {
      const account = this.account();
      const now = this.options.now?.() ?? new Date();
      const result = this.dispatch(account, action, resolve, now);
      saveAccount(this.file, account);
      return result;
    });
  }

  /** Runs `fn` after every apply queued before it has finished (read, change, write of account.json). */
  private serialised<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.writes.then(fn);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies many actions with one read and one write of the account (for
   * seeding large simulations); ids created earlier in the batch resolve.
   */
  applyMany(actions: readonly Action[], resolve: ResolveId): Promise<AppliedResource[]> {
    return this.serialised(() => this.applyAll(actions, resolve));
  }

  private applyAll(actions: readonly Action[], resolve: ResolveId): AppliedResource[] {
    const account = this.account();
    const now = this.options.now?.() ?? new Date();
    const ids = new Map<string, string>();
    const out = actions.map((a) => {
      const r = this.dispatch(account, a, (key) => ids.get(key) ?? resolve(key), now);
      ids.set(r.key, r.id);
      return r;
    });
    saveAccount(this.file, account);
    return out;
  }

  private dispatch(
    account: SandboxAccount,
    action: Action,
    resolve: ResolveId,
    now: Date,
  ): AppliedResource {
    const { outcome, kind } = action;
    const driver = this.drivers[kind] as unknown as SandboxDriver;
    if (outcome === "create" || outcome === "update" || outcome === "replace")
      return driver.apply(account, action, resolve, now);
    if (outcome === "delete" && driver.remove) return driver.remove(account, action, now);
    throw new LabenvError(
      "provider",
      `the sandbox does not ${outcome} ${kind} resources (${action.key}): storage is never deleted`,
    );
  }
}
