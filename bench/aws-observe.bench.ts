// What observing costs on AWS: API calls (and local time) for 1,000
// environments, served page by page with each API's real page size by
// aws-sdk-client-mock (no network). Goal from issue 4: a few dozen calls, not
// thousands. Cold: every task definition revision described (ECS has no batch
// describe). Warm: revisions read from the memo in the object store (one
// object, one read), only new ones described, the memo written only then.
import type { Measurement } from "./run.js";
import { AwsProvider } from "../reconciler/adapters/aws/aws-provider.js";
import { ObjectStoreTaskDefinitionSpecCache } from "../reconciler/adapters/aws/object-store-task-definition-spec-cache.js";
import { CountingObjectStore } from "../test/adapters/aws/fixtures/counting-object-store.js";
import { installFakeAccount } from "../test/adapters/aws/fixtures/fake-account.js";
import { CONFIG, mockedAws } from "../test/adapters/aws/fixtures/mocked-aws.js";

const ENVIRONMENTS = 1000;
const CHANGED = ENVIRONMENTS / 100;

interface Observe {
  total: number;
  describeTaskDefinitions: number;
  describeServices: number;
  lists: number;
  memo: number;
  ms: number;
}

export default async function (): Promise<Measurement[]> {
  const aws = mockedAws();
  const account = installFakeAccount(aws, ENVIRONMENTS);
  const store = new CountingObjectStore();
  const observe = async (memo: boolean): Promise<Observe> => {
    aws.resetCalls();
    store.clear();
    // A new provider and memo instance per observe, as each Lambda invocation builds its own.
    const provider = new AwsProvider(
      CONFIG,
      aws.clients,
      memo ? { taskDefinitionSpecs: new ObjectStoreTaskDefinitionSpecCache(store) } : {},
    );
    const started = performance.now();
    await provider.observe();
    const ms = performance.now() - started;
    const counts = aws.callCounts();
    const awsCalls = Object.values(counts).reduce((a, b) => a + b, 0);
    const describeTaskDefinitions = counts["ecs.DescribeTaskDefinition"] ?? 0;
    const describeServices = counts["ecs.DescribeServices"] ?? 0;
    const lists = awsCalls - describeTaskDefinitions - describeServices;
    return {
      total: awsCalls + store.calls.length,
      describeTaskDefinitions,
      describeServices,
      lists,
      memo: store.calls.length,
      ms,
    };
  };

  const uncached = await observe(false);
  const cold = await observe(true);
  const warm = await observe(true);
  account.changeImages(CHANGED);
  const changed = await observe(true);

  const breakdown = (o: Observe) =>
    `${o.lists} list pages, ${o.describeServices} DescribeServices, ${o.describeTaskDefinitions} DescribeTaskDefinition, ${o.memo} memo object calls`;
  const warmGoal = 33 + 100 + 2;
  return [
    {
      name: `aws observe ${ENVIRONMENTS} environments, no memo: API calls`,
      value: uncached.total,
      unit: "calls",
      note: breakdown(uncached),
    },
    {
      name: `aws observe ${ENVIRONMENTS} environments, cold (memo empty): calls`,
      value: cold.total,
      unit: "calls",
      note: breakdown(cold),
    },
    {
      name: `aws observe ${ENVIRONMENTS} environments, warm (memo filled): calls`,
      value: warm.total,
      unit: "calls",
      goal: `≤ ${warmGoal}`,
      met: warm.total <= warmGoal,
      note: breakdown(warm),
    },
    {
      name: `aws observe ${ENVIRONMENTS} environments, warm, ${CHANGED} changed: calls`,
      value: changed.total,
      unit: "calls",
      goal: `≤ ${warmGoal} + ${CHANGED} new revisions + 1 page`,
      met: changed.total <= warmGoal + CHANGED + 1,
      note: `${breakdown(changed)}; superseded revisions stay ACTIVE, so one more ListTaskDefinitions page`,
    },
    {
      name: `aws observe ${ENVIRONMENTS} environments, cold: local time, no network`,
      value: cold.ms,
      unit: "ms",
    },
    {
      name: `aws observe ${ENVIRONMENTS} environments, warm: local time, no network`,
      value: warm.ms,
      unit: "ms",
    },
  ];
}
