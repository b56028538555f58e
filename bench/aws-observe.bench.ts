// What observing costs on AWS: API calls (and local time) for 1,000
// environments, served page by page with each API's real page size by
// aws-sdk-client-mock (no network). Goal from issue 4: a few dozen calls.
import type { Measurement } from "./run.js";
import { AwsProvider } from "../reconciler/adapters/aws/aws-provider.js";
import { installFakeAccount } from "../test/adapters/aws/fixtures/fake-account.js";
import { CONFIG, mockedAws } from "../test/adapters/aws/fixtures/mocked-aws.js";

const ENVIRONMENTS = 1000;

export default async function (): Promise<Measurement[]> {
  const aws = mockedAws();
  installFakeAccount(aws, ENVIRONMENTS);
  const started = performance.now();
  const observed = await new AwsProvider(CONFIG, aws.clients).observe();
  const ms = performance.now() - started;
  const counts = aws.callCounts();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const taskDefinitions = counts["ecs.DescribeTaskDefinition"] ?? 0;
  const services = counts["ecs.DescribeServices"] ?? 0;
  return [
    {
      name: `aws observe ${ENVIRONMENTS} environments: API calls`,
      value: total,
      unit: "calls",
      goal: "a few dozen (≤ 50)",
      met: total <= 50,
      note: `${observed.resources.length} resources`,
    },
    {
      name: "  DescribeTaskDefinition (1 per family; ECS has no batch)",
      value: taskDefinitions,
      unit: "calls",
    },
    {
      name: "  DescribeServices (10 services a call)",
      value: services,
      unit: "calls",
    },
    {
      name: "  list pages (access points, snapshots, backups, families…)",
      value: total - taskDefinitions - services,
      unit: "calls",
      goal: "a few dozen (≤ 50)",
      met: total - taskDefinitions - services <= 50,
    },
    { name: `aws observe ${ENVIRONMENTS} environments: local time, no network`, value: ms, unit: "ms" },
  ];
}
