import type { AccessPointDescription } from "@aws-sdk/client-efs";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import {
  RESOURCE_KINDS,
  STORAGE_KINDS,
  type ObservedResource,
  type ObservedState,
  type ResourceKind,
} from "../../core/model/resources.js";
import type { AppliedResource, ApplyLanes, Provider, ResolveId } from "../../ports/provider.js";
import { awsApplyLanes } from "./aws-apply-lanes.js";
import { createAwsClients, type AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { providerFailure } from "./aws-failure.js";
import { DRIVERS, OBSERVE_STAGES } from "./drivers.js";
import { listAccessPoints } from "./file-system-access-points.js";
import type { DriverContext, ObserveContext, ResourceDriver } from "./resource-driver.js";
import { kindModule } from "../../core/kinds/registry.js";
import type { TaskDefinitionSpecCache } from "./task-definition-spec-cache.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { SeenActivity } from "../../core/access/usage.js";
import { activityReportKey, seenFromReport } from "../../core/access/activity-report.js";

/** Ports the provider can be given besides its SDK clients. */
export interface AwsProviderPorts {
  /** Remembers described task definition revisions between observes (by ARN), so observe describes only new ones. */
  taskDefinitionSpecs?: TaskDefinitionSpecCache;
  /** Where tasks' authorizers report their Jupyter's activity (idle shutdown reads it). */
  activityReports?: ObjectStore;
  now?: () => Date;
}

/**
 * Environments on AWS: ECS Fargate services and task definitions, EFS access
 * points, EBS snapshots and AWS Backup jobs, all found by their
 * `labenv:resource` tag. Storage is never deleted; a volume snapshot or recovery point only when a
 * keep policy prunes a scheduled snapshot.
 */
export class AwsProvider implements Provider {
  readonly name = "aws" as const;
  readonly label: string;
  readonly buildsImages: boolean;
  /**
   * Scheduled snapshots are taken and pruned: the EBS and AWS Backup drivers delete what a keep
   * policy prunes (`DeleteSnapshot`, `DeleteRecoveryPoint`), each after checking its tags.
   */
  readonly prunesSnapshots = true;
  /** Independent actions run at the same time, a bounded number per AWS service. */
  readonly lanes: ApplyLanes;
  /** Each environment's Jupyter activity from its authorizer's report (with `activityReports`). */
  readonly activity?: (environments: readonly string[]) => Promise<Map<string, SeenActivity>>;
  private readonly context: DriverContext;

  constructor(
    config: AwsProviderConfig,
    clients: AwsClients = createAwsClients(config),
    ports: AwsProviderPorts = {},
  ) {
    this.context = {
      config,
      clients,
      ...(ports.taskDefinitionSpecs !== undefined && {
        taskDefinitionSpecs: ports.taskDefinitionSpecs,
      }),
      ...(ports.now !== undefined && { now: ports.now }),
    };
    if (ports.activityReports !== undefined) {
      const reports = ports.activityReports;
      const now = ports.now ?? (() => new Date());
      this.activity = async (environments) => {
        const out = new Map<string, SeenActivity>();
        for (const e of environments) {
          const body = await reports.get(activityReportKey(e));
          const seen = seenFromReport(body && new TextDecoder().decode(body), now());
          if (seen) out.set(e, seen);
        }
        return out;
      };
    }
    this.buildsImages = config.imageBuild !== undefined;
    this.lanes = awsApplyLanes(config.applyConcurrency);
    this.label = `aws ${config.region} / cluster ${config.cluster}`;
  }

  async observe(): Promise<ObservedState> {
    // What the listener rules are is known again from this observe on (see DriverContext).
    this.context.listenerRules = new Map();
    const keys = new Map<string, string>();
    let accessPoints: Promise<AccessPointDescription[]> | undefined;
    const foreignRulePriorities: number[] = [];
    const ctx: ObserveContext = {
      ...this.context,
      keyOf: (id: string) => keys.get(id),
      accessPoints: () => (accessPoints ??= listAccessPoints(this.context)),
      foreignRulePriorities,
    };
    const resources: ObservedResource[] = [];
    for (const stage of OBSERVE_STAGES) {
      const found = await Promise.all(stage.map((kind) => observeKind(kind, ctx)));
      for (const resource of found.flat()) {
        keys.set(resource.id, resource.key);
        resources.push(resource);
      }
    }
    const order = (r: ObservedResource) => RESOURCE_KINDS.indexOf(r.kind);
    resources.sort((a, b) => order(a) - order(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      resources,
      ...(foreignRulePriorities.length > 0
        ? { foreignRulePriorities: foreignRulePriorities.sort((a, b) => a - b) }
        : {}),
    };
  }

  async apply(action: Action, resolve: ResolveId): Promise<AppliedResource> {
    if (action.outcome === "unchanged" || action.outcome === "skipped") {
      const id = action.observed?.id ?? resolve(action.key);
      if (id === undefined)
        throw new LabenvError(
          "plan",
          `${action.outcome} ${action.kind} ${action.key} has no provider id`,
        );
      return { key: action.key, id };
    }
    const driver: ResourceDriver = DRIVERS[action.kind];
    // A record (volume snapshot, recovery point) is deleted only by a keep policy's prune, and
    // only through its kind's remove, which checks the tags AWS holds on it first.
    const prune = action.outcome === "delete" && kindModule(action.kind).lifecycle === "record";
    if (
      action.outcome === "delete" &&
      STORAGE_KINDS.has(action.kind) &&
      !(prune && driver.remove)
    ) {
      throw new LabenvError(
        "plan",
        `labenv never deletes a ${action.kind}: refused to delete ${action.key}`,
        {
          hint: "Research data is retained; remove the resource from AWS by hand if it must go.",
        },
      );
    }
    try {
      if (prune) return await driver.remove!(action, this.context);
      return await driver.apply(action, resolve, this.context);
    } catch (e) {
      throw providerFailure(`${action.outcome} ${action.kind} ${action.key}`, e);
    }
  }
}

async function observeKind(kind: ResourceKind, ctx: ObserveContext): Promise<ObservedResource[]> {
  try {
    return await DRIVERS[kind].observe(ctx);
  } catch (e) {
    throw providerFailure(`list ${kind}s`, e);
  }
}
