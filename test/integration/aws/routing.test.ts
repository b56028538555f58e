// Researcher access on AWS (moto): with `access:` in labenv.yaml and the load balancer from
// infra/, each environment gets a target group and a rule on the Jupyter listener at a stable
// priority, its service registers in the target group, a stopped environment's rule forwards
// to the wake page, and removing it from git removes its routing. moto implements ELBv2.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import {
  CreateRuleCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterEach, describe, expect, it } from "vitest";
import { preferredPriority } from "../../../reconciler/core/access/environment-address.js";
import { runCli } from "../../helpers/cli.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { recordCalls, testClients, warmUpMoto } from "./aws-test-clients.js";
import { createRoutingFixtures } from "./routing-fixtures.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));

async function workstation() {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  const routing = await createRoutingFixtures(clients, account.subnets[0]!);
  const dir = copyExampleRepo();
  for (const p of [
    "environments/genomics-core",
    "environments/climate-dynamics",
    "environments/ml-vision/self-supervised",
    "environments/ml-vision/teaching",
  ])
    rmSync(join(dir, p), { recursive: true });
  const file = join(dir, "labenv.yaml");
  const aws = [
    "  access:",
    "    address: https://jupyter.westtek.example",
    `    authorizerImage: ${AUTHORIZER_IMAGE}`,
    "  aws:",
    `    region: ${account.region}`,
    `    cluster: ${account.cluster}`,
    `    endpoint: ${moto.endpoint}`,
    `    fileSystemId: ${account.fileSystemId}`,
    `    subnets: [${account.subnets.join(", ")}]`,
    `    securityGroups: [${account.securityGroups.join(", ")}]`,
    `    infrastructureRoleArn: ${account.ebsRoleArn}`,
    `    vpcId: ${routing.vpcId}`,
    `    listenerArn: ${routing.listenerArn}`,
    `    wakeTargetGroupArn: ${routing.wakeTargetGroupArn}`,
  ].join("\n");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace("  target: sandbox", "  target: aws")
      .replace(/ {2}aws:\n {4}region: eu-west-1\n {4}cluster: labenv/, aws),
  );
  Object.assign(process.env, {
    AWS_REGION: account.region,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
  });
  return { clients, account, routing, dir };
}

const AUTHORIZER_IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv-authorizer@sha256:${"a".repeat(64)}`;
const ENV_FILE = "environments/ml-vision/segmentation/environment.yaml";
const USER_POOL_ARN = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Labenv1";

describe("researcher access routing on AWS (moto)", () => {
  it("creates the target group, the rule at the environment's priority and the service's attachment; a second apply changes nothing; stop routes to the wake page and a restart routes back, keeping rule and priority", async () => {
    const { clients, account, routing, dir } = await workstation();
    const applied = await runCli(["apply", "--repo", dir]);
    expect(applied.code, `${applied.stdout}${applied.stderr}`).toBe(0);
    expect(applied.stdout).toContain("route /ml-vision/segmentation/ to ml-vision/segmentation");

    const groups = (await clients.elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups!;
    const group = groups.find(
      (g) => g.TargetGroupName?.startsWith("labenv-") && g !== undefined && g.TargetType === "ip",
    );
    expect(group).toMatchObject({
      Protocol: "HTTP",
      Port: 8080,
      TargetType: "ip",
      VpcId: routing.vpcId,
      HealthCheckPath: "/ml-vision/segmentation/_labenv/health",
    });
    const rules = async () =>
      (
        (await clients.elbv2.send(new DescribeRulesCommand({ ListenerArn: routing.listenerArn })))
          .Rules ?? []
      ).filter((r) => !r.IsDefault);
    const [rule] = await rules();
    expect(Number(rule!.Priority)).toBe(preferredPriority("ml-vision/segmentation"));
    expect(
      rule!.Conditions?.[0]?.PathPatternConfig?.Values ?? rule!.Conditions?.[0]?.Values,
    ).toEqual(["/ml-vision/segmentation", "/ml-vision/segmentation/*"]);
    expect(rule!.Actions?.[0]?.TargetGroupArn).toBe(group!.TargetGroupArn);
    const tags = await clients.elbv2.send(
      new DescribeTagsCommand({ ResourceArns: [rule!.RuleArn!] }),
    );
    expect(tags.TagDescriptions?.[0]?.Tags).toContainEqual({
      Key: "labenv:resource",
      Value: "listener-rule:ml-vision/segmentation",
    });
    const service = (
      await clients.ecs.send(
        new DescribeServicesCommand({
          cluster: account.cluster,
          services: ["labenv-ml-vision-segmentation"],
        }),
      )
    ).services![0]!;
    expect(service.loadBalancers).toEqual([
      { targetGroupArn: group!.TargetGroupArn, containerName: "authorizer", containerPort: 8080 },
    ]);

    // The task: Jupyter on loopback under the environment's path, the authorizer in front of it.
    const td = (
      await clients.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: "labenv-ml-vision-segmentation" }),
      )
    ).taskDefinition!;
    const [jupyter, authorizer] = td.containerDefinitions!;
    expect(jupyter!.command).toEqual(
      expect.arrayContaining([
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.base_url=/ml-vision/segmentation/",
      ]),
    );
    expect(authorizer).toMatchObject({
      name: "authorizer",
      image: AUTHORIZER_IMAGE,
      portMappings: [expect.objectContaining({ containerPort: 8080 })],
    });
    const env = Object.fromEntries(authorizer!.environment!.map((e) => [e.name, e.value]));
    expect(env.LABENV_LOAD_BALANCER_ARN).toMatch(/:loadbalancer\/app\/labenv-jupyter\//);
    expect(JSON.parse(env.LABENV_ACCESS)).toMatchObject({
      environment: "ml-vision/segmentation",
      owner: "epetrov",
    });

    // Second run: nothing to change, and no mutating call at all.
    const log = recordCalls(clients);
    const again = await runCli(["plan", "--repo", dir, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    const summary = (JSON.parse(again.stdout) as { plan: { summary: Record<string, number> } }).plan
      .summary;
    expect(summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    const reapplied = await runCli(["apply", "--repo", dir]);
    expect(reapplied.stdout).toContain("no changes");
    expect(log.mutating()).toEqual([]);

    // Stopped: the rule forwards to the wake page; the address (paths, priority) stays.
    const envFile = join(dir, ENV_FILE);
    writeFileSync(
      envFile,
      readFileSync(envFile, "utf8").replace("state: running", "state: stopped"),
    );
    const stopped = await runCli(["apply", "--repo", dir]);
    expect(stopped.code, `${stopped.stdout}${stopped.stderr}`).toBe(0);
    const [asleep] = await rules();
    expect(asleep!.Actions?.[0]?.TargetGroupArn).toBe(routing.wakeTargetGroupArn);
    expect(asleep!.Priority).toBe(rule!.Priority);
    expect(asleep!.RuleArn).toBe(rule!.RuleArn);

    // Started again: back to its own target group, same rule, same address.
    writeFileSync(
      envFile,
      readFileSync(envFile, "utf8").replace("state: stopped", "state: running"),
    );
    expect((await runCli(["apply", "--repo", dir])).code).toBe(0);
    const [awake] = await rules();
    expect(awake).toMatchObject({ RuleArn: rule!.RuleArn, Priority: rule!.Priority });
    expect(awake!.Actions?.[0]?.TargetGroupArn).toBe(group!.TargetGroupArn);
  }, 180_000);

  it("with access.signIn every rule signs in through the user pool before it forwards; switching it on modifies the rule in place and the next plan is clean", async () => {
    const { clients, routing, dir } = await workstation();
    expect((await runCli(["apply", "--repo", dir])).code).toBe(0);
    const rules = async () =>
      (
        (await clients.elbv2.send(new DescribeRulesCommand({ ListenerArn: routing.listenerArn })))
          .Rules ?? []
      ).filter((r) => !r.IsDefault);
    const [before] = await rules();
    expect(before!.Actions?.map((a) => a.Type)).toEqual(["forward"]);
    const file = join(dir, "labenv.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "  access:\n",
        [
          "  access:",
          "    signIn:",
          `      userPoolArn: ${USER_POOL_ARN}`,
          "      userPoolClientId: 4abc5def6ghi7jkl8mno9pqr0s",
          "      userPoolDomain: labenv-westtek",
          "",
        ].join("\n"),
      ),
    );
    const signedIn = await runCli(["apply", "--repo", dir]);
    expect(signedIn.code, `${signedIn.stdout}${signedIn.stderr}`).toBe(0);
    const [after] = await rules();
    expect(after!.RuleArn).toBe(before!.RuleArn);
    const actions = [...(after!.Actions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
    expect(actions.map((a) => a.Type)).toEqual(["authenticate-cognito", "forward"]);
    expect(actions[0]!.AuthenticateCognitoConfig).toMatchObject({
      UserPoolArn: USER_POOL_ARN,
      UserPoolClientId: "4abc5def6ghi7jkl8mno9pqr0s",
      UserPoolDomain: "labenv-westtek",
    });
    expect(actions[1]!.TargetGroupArn).toBe(before!.Actions![0]!.TargetGroupArn);
    const again = await runCli(["plan", "--repo", dir, "--json"]);
    expect(
      (JSON.parse(again.stdout) as { plan: { summary: Record<string, number> } }).plan.summary,
    ).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  }, 180_000);

  it("a rule someone else put on the listener at an environment's priority keeps it: the environment's rule takes the next free one, and keeps that", async () => {
    const { clients, routing, dir } = await workstation();
    const preferred = preferredPriority("ml-vision/segmentation");
    await clients.elbv2.send(
      new CreateRuleCommand({
        ListenerArn: routing.listenerArn,
        Priority: preferred,
        Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/status"] } }],
        Actions: [
          {
            Type: "fixed-response",
            FixedResponseConfig: {
              StatusCode: "200",
              ContentType: "text/plain",
              MessageBody: "ok",
            },
          },
        ],
      }),
    );
    const applied = await runCli(["apply", "--repo", dir]);
    expect(applied.code, `${applied.stdout}${applied.stderr}`).toBe(0);
    const rules = (
      (await clients.elbv2.send(new DescribeRulesCommand({ ListenerArn: routing.listenerArn })))
        .Rules ?? []
    ).filter((r) => !r.IsDefault);
    const ours = rules.find((r) =>
      (r.Conditions?.[0]?.PathPatternConfig?.Values ?? []).includes("/ml-vision/segmentation/*"),
    )!;
    expect(Number(ours.Priority)).toBe(preferred + 1);
    expect(rules.find((r) => Number(r.Priority) === preferred)?.Actions?.[0]?.Type).toBe(
      "fixed-response",
    );
    const again = await runCli(["plan", "--repo", dir, "--json"]);
    expect(
      (JSON.parse(again.stdout) as { plan: { summary: Record<string, number> } }).plan.summary,
    ).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  }, 180_000);

  it("removing the environment from git deletes its rule, then its target group", async () => {
    const { clients, routing, dir } = await workstation();
    expect((await runCli(["apply", "--repo", dir])).code).toBe(0);
    rmSync(join(dir, "environments/ml-vision/segmentation"), { recursive: true });
    const removed = await runCli(["apply", "--repo", dir]);
    expect(removed.code, `${removed.stdout}${removed.stderr}`).toBe(0);
    expect(removed.stdout).toContain(
      "its address /ml-vision/segmentation/ no longer routes anywhere",
    );
    const rules = (
      await clients.elbv2.send(new DescribeRulesCommand({ ListenerArn: routing.listenerArn }))
    ).Rules!;
    expect(rules.filter((r) => !r.IsDefault)).toEqual([]);
    const left = (await clients.elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups!;
    expect(left.map((g) => g.TargetGroupName)).toEqual(["labenv-wake-page"]);
  }, 180_000);
});
