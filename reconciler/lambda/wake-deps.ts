import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
} from "@aws-sdk/client-ecs";
import {
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  type Rule,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import type { CryptoKey } from "jose";
import { accessSourcesOf, type AccessList } from "../core/access/access-list.js";
import { environmentOfPath, environmentPath } from "../core/access/environment-address.js";
import { loadBalancerOfListener } from "../core/access/task-access.js";
import type { AccessSources } from "../core/access/who-may-open.js";
import { AUTHORIZER, ecsName } from "../core/desire/names.js";
import { LabenvError } from "../core/errors.js";
import { WAKE_TARGET } from "../core/kinds/listener-rule.js";
import type { ObservedResource } from "../core/model/resources.js";
import type { WakeDeps } from "../adapters/access/wake-handler.js";
import { DynamoStateStore } from "../adapters/aws/dynamodb-state-store.js";
import { sdkClientSettings } from "../adapters/aws/aws-clients.js";

const NOBODY: AccessSources = { labs: new Map(), environments: new Map(), shares: new Map() };

function need(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (!v)
    throw new LabenvError("config", `the wake Lambda needs ${name}`, {
      hint: "infra/ sets it; check the function's configuration",
    });
  return v;
}

/**
 * The wake page's dependencies on AWS for the environment a request path names: who may open
 * it from its applied task definition (the authorizer's LABENV_ACCESS, so the page decides
 * exactly as the task will), its usage record (parked or not, git's state at the last
 * reconcile) from the state table, its service and listener rule as ECS and ELBv2 report them,
 * and a start that invokes the reconciler asynchronously. Jupyter is never asked here: once the
 * rule forwards to the task, the task's authorizer answers the progress path itself.
 */
export async function awsWakeDeps(
  env: NodeJS.ProcessEnv,
  path: string,
  keyCache: Map<string, CryptoKey>,
): Promise<WakeDeps> {
  const region = need(env, "AWS_REGION");
  const cluster = need(env, "LABENV_CLUSTER");
  const listenerArn = need(env, "LABENV_LISTENER_ARN");
  // infra/ names the wake target group (its ARN would be a reference back to this function).
  const wakeName = env.LABENV_WAKE_TARGET_GROUP_NAME;
  const wakeArn = env.LABENV_WAKE_TARGET_GROUP_ARN;
  if (!wakeName && !wakeArn) need(env, "LABENV_WAKE_TARGET_GROUP_NAME");
  const isWake = (arn: string) =>
    arn === wakeArn || (!!wakeName && arn.includes(`:targetgroup/${wakeName}/`));
  const reconciler = need(env, "LABENV_RECONCILER_FUNCTION");
  const settings = sdkClientSettings({
    region,
    ...(env.LABENV_AWS_ENDPOINT
      ? {
          endpoint: env.LABENV_AWS_ENDPOINT,
          credentials: { accessKeyId: "labenv", secretAccessKey: "labenv" },
        }
      : {}),
  });
  const ecs = new ECSClient(settings);
  const elbv2 = new ElasticLoadBalancingV2Client(settings);
  const lambda = new LambdaClient(settings);
  const state = new DynamoStateStore({
    client: new DynamoDBClient(settings),
    table: need(env, "LABENV_STATE_TABLE"),
  });
  const target = environmentOfPath(path);
  const family = target ? ecsName(target.lab, target.env) : undefined;
  let memberClaim: string | undefined;
  let sources = NOBODY;
  if (family) {
    try {
      const td = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }));
      const authorizer = td.taskDefinition?.containerDefinitions?.find(
        (c) => c.name === AUTHORIZER.name,
      );
      const vars = Object.fromEntries(
        (authorizer?.environment ?? []).map((e) => [e.name ?? "", e.value ?? ""]),
      );
      if (vars.LABENV_ACCESS)
        sources = accessSourcesOf(JSON.parse(vars.LABENV_ACCESS) as AccessList);
      memberClaim = vars.LABENV_MEMBER_CLAIM;
    } catch (e) {
      // No task definition for the family: no environment at this address (404).
      if ((e as { name?: string }).name !== "ClientException") throw e;
    }
  }
  const usage = async (environment: string) =>
    (await state.listUsage()).find((u) => u.environment === environment);
  const record = target ? await usage(`${target.lab}/${target.env}`) : undefined;
  return {
    sources,
    identity: {
      region,
      signer: loadBalancerOfListener(listenerArn),
      ...(env.LABENV_KEYS_ENDPOINT ? { keysEndpoint: env.LABENV_KEYS_ENDPOINT } : {}),
      ...(memberClaim ? { memberClaim } : {}),
      keyCache,
    },
    // Git's state as the last reconcile recorded it (before any, an environment runs).
    wanted: () => record?.wanted ?? "running",
    usage,
    putUsage: (r) => state.putUsage(r),
    async observe() {
      if (!target || !family) return [];
      const environment = `${target.lab}/${target.env}`;
      const out: ObservedResource[] = [];
      const svc = (
        await ecs.send(new DescribeServicesCommand({ cluster, services: [family] }))
      ).services?.find((s) => s.status === "ACTIVE");
      if (svc)
        out.push({
          kind: "service",
          key: `service:${environment}`,
          environment,
          id: svc.serviceArn ?? "",
          spec: { desiredCount: svc.desiredCount === 1 ? 1 : 0 },
          tags: {},
          runningCount: svc.runningCount ?? 0,
        } as unknown as ObservedResource);
      const rule = await ruleOf(elbv2, listenerArn, `${environmentPath(target.lab, target.env)}*`);
      if (rule) {
        const forward = rule.Actions?.find((a) => a.Type === "forward")?.TargetGroupArn ?? "";
        out.push({
          kind: "listener-rule",
          key: `listener-rule:${environment}`,
          environment,
          id: rule.RuleArn ?? "",
          spec: { forward: isWake(forward) ? WAKE_TARGET : forward },
          tags: {},
        } as unknown as ObservedResource);
      }
      return out;
    },
    jupyterAnswers: async () => false,
    async start() {
      await lambda.send(
        new InvokeCommand({
          FunctionName: reconciler,
          InvocationType: "Event",
          Payload: new TextEncoder().encode(
            JSON.stringify({ source: "aws.events", "detail-type": "labenv wake" }),
          ),
        }),
      );
    },
    now: () => new Date(),
  };
}

async function ruleOf(
  elbv2: ElasticLoadBalancingV2Client,
  listenerArn: string,
  pattern: string,
): Promise<Rule | undefined> {
  let marker: string | undefined;
  do {
    const page = await elbv2.send(
      new DescribeRulesCommand({
        ListenerArn: listenerArn,
        PageSize: 400,
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    const found = page.Rules?.find((r) =>
      r.Conditions?.some((c) => (c.PathPatternConfig?.Values ?? c.Values ?? []).includes(pattern)),
    );
    if (found) return found;
    marker = page.NextMarker;
  } while (marker);
  return undefined;
}
