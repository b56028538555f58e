import { join } from "node:path";
import { LabenvError } from "../../core/errors.js";
import { driftObjects } from "../../core/drift/drift-objects.js";
import type { PackageIndexData } from "../../core/lock/package-index.js";
import type { Observation, Repository } from "../../core/model/documents.js";
import { TAG } from "../../core/model/resources.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { SandboxAccount } from "./sandbox-account.js";
import { changesFor, loadExecState, saveExecState } from "./sandbox-exec-state.js";
import { execCommand } from "./sandbox-exec.js";
import { installedState, observationOf } from "./sandbox-installed.js";
import { packImageRegistry, type ImageContents, type ImageRegistry } from "./sandbox-image.js";
import type { SandboxChange } from "./sandbox-exec-state.js";
import { volumeChangesOf } from "./drivers/ebs-snapshot.js";
import { roleAllows } from "./drivers/task-role.js";
import { TASK_ROLE_PATH } from "../../core/kinds/task-role.js";

export interface SandboxContainersDeps {
  /** The sandbox's state directory (`.labenv`). */
  stateDir: string;
  account: () => SandboxAccount;
  repository: Repository;
  objects: ObjectStore;
  now: () => Date;
}

/**
 * The simulated containers: what runs in each sandbox task is the lock that
 * was applied plus what `labenv sandbox exec` changed in that task. Writes
 * the Observation the agent would write, to the same object-store key.
 */
export class SandboxContainers {
  private readonly execFile: string;
  private upstream: ImageRegistry | undefined;

  constructor(private readonly deps: SandboxContainersDeps) {
    this.execFile = join(deps.stateDir, "sandbox", "exec.json");
  }

  /** Runs one command in the environment's running task, records it and writes the new observation. */
  async exec(
    environment: string,
    words: readonly string[],
    index: PackageIndexData,
  ): Promise<{ change: SandboxChange; observation: Observation }> {
    const task = this.runningTask(environment);
    if (!task)
      throw new LabenvError("usage", `${environment} has no running sandbox task`, {
        hint: "run `labenv reconcile` first (and check that the environment's state is running)",
      });
    const image = this.imageOf(task);
    if (!image)
      throw new LabenvError("state", `the image ${environment}'s task runs cannot be found`, {
        hint: "run `labenv reconcile`",
      });
    const state = loadExecState(this.execFile);
    const entry = state.environments[environment];
    const changes = entry && entry.task === task ? entry.changes : [];
    const held = this.volumeChanges(task);
    const change = execCommand(words, installedState(image, [...held, ...changes]), index);
    const at = this.deps.now().toISOString();
    state.environments[environment] = { task, changes: [...changes, { ...change, at }] };
    saveExecState(this.execFile, state);
    const observation = observationOf(
      environment,
      task,
      installedState(image, [...held, ...changes, change]),
      at,
    );
    const refused = this.reportRefusal(task, environment);
    if (refused)
      throw new LabenvError("provider", `${environment}'s agent cannot report: ${refused}`, {
        hint: "run `labenv reconcile`: it puts the environment's task role right",
      });
    await this.deps.objects.put(
      driftObjects.observation(environment),
      `${JSON.stringify(observation, null, 2)}\n`,
      "application/json",
    );
    return { change, observation };
  }

  /** Writes a fresh observation for every environment with a running task (what the agents would do on their schedule). */
  async observeAll(): Promise<string[]> {
    const state = loadExecState(this.execFile);
    const written: string[] = [];
    const at = this.deps.now().toISOString();
    const account = this.deps.account();
    for (const environment of [...this.deps.repository.environments.keys()].sort()) {
      const task = this.runningTask(environment, account);
      if (!task) continue;
      const image = this.imageOf(task, account);
      if (!image) continue;
      const observation = observationOf(
        environment,
        task,
        installedState(image, [
          ...this.volumeChanges(task, account),
          ...changesFor(state, environment, task),
        ]),
        at,
      );
      // On AWS the agent's PutObject is judged against the task role: one it refuses never lands.
      if (this.reportRefusal(task, environment, account)) continue;
      await this.deps.objects.put(
        driftObjects.observation(environment),
        `${JSON.stringify(observation, null, 2)}\n`,
        "application/json",
      );
      written.push(environment);
    }
    return written;
  }

  /** What the agent in the environment's running task reports at this moment (undefined when it does not run). */
  observe(
    environment: string,
    account: SandboxAccount = this.deps.account(),
  ): Observation | undefined {
    const task = this.runningTask(environment, account);
    if (!task) return undefined;
    const image = this.imageOf(task, account);
    if (!image) return undefined;
    const changes = changesFor(loadExecState(this.execFile), environment, task);
    return observationOf(
      environment,
      task,
      installedState(image, [...this.volumeChanges(task, account), ...changes]),
      this.deps.now().toISOString(),
    );
  }

  /** What the task's volume holds beyond the image: a volume restored from a snapshot holds its changes. */
  private volumeChanges(
    task: string,
    account: SandboxAccount = this.deps.account(),
  ): SandboxChange[] {
    const t = account.tasks.find((x) => x.arn === task);
    return t ? volumeChangesOf(account, t.volumeId) : [];
  }

  /**
   * Why S3 would refuse the agent's report of `environment` from `task`, or undefined. Judged
   * as on AWS when the task uploads (its definition names the bucket) and wears an environment
   * task role: that role's policies must allow `s3:PutObject` on the observation's key, and a
   * role the task names but IAM does not hold gives the task no credentials at all. Lab roles
   * (`aws.taskRoleArns`) are not modelled and write as before.
   */
  reportRefusal(
    task: string,
    environment: string,
    account: SandboxAccount = this.deps.account(),
  ): string | undefined {
    const t = account.tasks.find((x) => x.arn === task);
    const td = account.taskDefinitions.find((x) => x.arn === t?.taskDefinitionArn);
    const body = td?.body as
      | {
          taskRoleArn?: string;
          containerDefinitions?: { environment?: { name?: string; value?: string }[] }[];
        }
      | undefined;
    const roleArn = body?.taskRoleArn;
    const bucket = body?.containerDefinitions?.[0]?.environment?.find(
      (e) => e.name === "LABENV_OBSERVATION_BUCKET",
    )?.value;
    if (!roleArn || !bucket || !roleArn.includes(`:role${TASK_ROLE_PATH}`)) return undefined;
    const role = (account.roles ?? []).find((r) => r.arn === roleArn);
    if (!role) return `its task role ${roleArn} does not exist`;
    const key = driftObjects.observation(environment);
    return roleAllows(role, "s3:PutObject", `arn:aws:s3:::${bucket}/${key}`)
      ? undefined
      : `its task role ${role.name} may not put s3://${bucket}/${key} (AccessDenied)`;
  }

  runningTask(
    environment: string,
    account: SandboxAccount = this.deps.account(),
  ): string | undefined {
    const service = account.services.find(
      (s) => s.status === "ACTIVE" && s.tags[TAG.environment] === environment,
    );
    return (
      service &&
      account.tasks.find((t) => t.serviceArn === service.arn && t.lastStatus === "RUNNING")?.arn
    );
  }

  /**
   * What the image a task runs holds: an image the sandbox built (from its build context), or a
   * pack image from the upstream registry when the task runs one directly.
   */
  imageOf(task: string, account: SandboxAccount = this.deps.account()): ImageContents | undefined {
    const t = account.tasks.find((x) => x.arn === task);
    const td = account.taskDefinitions.find((x) => x.arn === t?.taskDefinitionArn);
    const ref = (td?.body as { containerDefinitions?: { image?: string }[] } | undefined)
      ?.containerDefinitions?.[0]?.image;
    if (!ref) return undefined;
    return this.imageByRef(ref, account);
  }

  /** What an image reference holds: one the sandbox built (its registry), or a pack image upstream. */
  imageByRef(
    ref: string,
    account: SandboxAccount = this.deps.account(),
  ): ImageContents | undefined {
    const built = (account.images ?? []).find((i) => i.id === ref);
    if (built) return built.contents;
    this.upstream ??= packImageRegistry(this.deps.repository);
    return this.upstream(ref);
  }

  /**
   * A throw-away container of `image` with a volume made from `volumeSnapshotId` (a restore
   * drill): what its agent reports, from the image and the snapshot's stored changes alone. It
   * is never a service's task, so nothing running is touched.
   */
  scratch(
    environment: string,
    image: string,
    volumeSnapshotId: string | undefined,
  ): { observation: Observation } | { problem: string } {
    const account = this.deps.account();
    const contents = this.imageByRef(image, account);
    if (!contents) return { problem: `the image ${image} is no longer in the registry` };
    let changes: SandboxChange[] = [];
    if (volumeSnapshotId) {
      const snap = account.snapshots.find((x) => x.id === volumeSnapshotId);
      if (!snap) return { problem: `the EBS snapshot ${volumeSnapshotId} no longer exists` };
      if (snap.state !== "completed")
        return { problem: `the EBS snapshot ${volumeSnapshotId} is ${snap.state}, not completed` };
      changes = snap.changes ?? [];
    }
    return {
      observation: observationOf(
        environment,
        "drill",
        installedState(contents, changes),
        this.deps.now().toISOString(),
      ),
    };
  }
}
