import type { Observation } from "../../core/model/documents.js";
import type { SnapshotSources, StoredFileSum } from "../../ports/snapshot-sources.js";
import type { SandboxContainers } from "./sandbox-observation.js";
import type { SandboxProvider } from "./sandbox-provider.js";

/**
 * A snapshot's evidence in the sandbox, read from what the simulation really stored: the EBS
 * snapshots and backup jobs in its account, the recovery points' files (summed from their stored
 * bytes) and what its containers run.
 */
export class SandboxSnapshotSources implements SnapshotSources {
  constructor(
    private readonly provider: SandboxProvider,
    private readonly containers: SandboxContainers,
  ) {}

  async volumeSnapshot(id: string): Promise<{ state: string; volumeId?: string } | undefined> {
    const s = this.provider.account().snapshots.find((x) => x.id === id);
    return s && { state: s.state, volumeId: s.volumeId };
  }

  async backupJob(id: string): Promise<{ state: string; recoveryPointArn?: string } | undefined> {
    const j = this.provider
      .account()
      .backupJobs.find((x) => x.id === id || x.recoveryPointArn === id);
    return j && { state: j.state, recoveryPointArn: j.recoveryPointArn };
  }

  async recoveryPointFiles(arn: string, path: string): Promise<StoredFileSum[] | undefined> {
    const id = arn.split(":").pop() ?? "";
    return this.provider.storage.storedFiles(id, path);
  }

  async observation(environment: string): Promise<Observation | undefined> {
    return this.containers.observe(environment);
  }

  async runningImage(environment: string): Promise<string | undefined> {
    const account = this.provider.account();
    const task = this.containers.runningTask(environment, account);
    const t = account.tasks.find((x) => x.arn === task);
    const td = account.taskDefinitions.find((x) => x.arn === t?.taskDefinitionArn);
    return (td?.body as { containerDefinitions?: { image?: string }[] } | undefined)
      ?.containerDefinitions?.[0]?.image;
  }
}
