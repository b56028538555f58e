// The container runtime the AWS tests play, as ECS would run each task moto holds: the task
// definition's Jupyter container with its environment and the RunTask overrides (command and
// environment), the real agent in place of the image's, the task role's credentials and the task
// metadata endpoint on 127.0.0.1, S3 moto's. Each caller says only how the command finds what the
// image and its mounts would give it (moto keeps no volumes and mounts nothing).
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  StopTaskCommand,
  type ContainerDefinition,
  type Task,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { repoRoot } from "../../helpers/example-repo.js";

/** The agent every labenv image has at /opt/labenv/agent/observe.py: this repository's. */
export const AGENT = join(repoRoot, "reconciler/agent/observe.py");
const IMAGE_AGENT = "/opt/labenv/agent/observe.py";

export function runProcess(command: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { env });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/** A JSON answer on 127.0.0.1 (the ECS credentials and metadata endpoints), closed by the caller. */
export async function listenJson(servers: Server[], body: () => unknown): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body()));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A task ECS was asked to run, as moto recorded it. */
export interface LiveTask {
  task: Task;
  td: TaskDefinition;
  container: ContainerDefinition;
  /** The command ECS was told to run (the override), as recorded. */
  command: string[];
}

/**
 * Runs every task of the cluster not yet stopped, then stops it. `local` gives the command as
 * it runs here (the agent's path already this repository's) and the environment the image
 * itself sets under the task's, if any.
 */
export async function playTasks(
  clients: Pick<AwsClients, "ecs">,
  cluster: string,
  endpoint: string,
  servers: Server[],
  local: (
    t: LiveTask,
    command: string[],
  ) =>
    | Promise<{ command: string[]; imageEnvironment?: Record<string, string> }>
    | {
        command: string[];
        imageEnvironment?: Record<string, string>;
      },
): Promise<(LiveTask & { status: number | null; stderr: string })[]> {
  const credentials = await listenJson(servers, () => ({
    AccessKeyId: "ASIATASKROLE",
    SecretAccessKey: "task-role-secret",
    Token: "session-token",
    Expiration: "2099-01-01T00:00:00Z",
  }));
  const listed = await clients.ecs.send(new ListTasksCommand({ cluster }));
  const tasks =
    (await clients.ecs.send(new DescribeTasksCommand({ cluster, tasks: listed.taskArns }))).tasks ??
    [];
  const ran = [];
  for (const task of tasks.filter((t) => t.lastStatus !== "STOPPED")) {
    const td = (
      await clients.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }),
      )
    ).taskDefinition!;
    const container = td.containerDefinitions!.find((c) => c.name === "jupyter")!;
    const override = task.overrides!.containerOverrides!.find((c) => c.name === "jupyter")!;
    const live: LiveTask = { task, td, container, command: override.command! };
    const here = await local(
      live,
      live.command.map((a) => (a === IMAGE_AGENT ? AGENT : a)),
    );
    const pairs = (list: { name?: string; value?: string }[] | undefined) =>
      Object.fromEntries((list ?? []).map((e) => [e.name!, e.value!]));
    const r = await runProcess(here.command, {
      ...here.imageEnvironment,
      ...pairs(container.environment),
      // The overrides win, as in ECS.
      ...pairs(override.environment),
      PATH: process.env.PATH ?? "",
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${credentials}/v2/credentials/task`,
      ECS_CONTAINER_METADATA_URI_V4: await listenJson(servers, () => ({ TaskARN: task.taskArn })),
      LABENV_S3_ENDPOINT: endpoint,
    });
    await clients.ecs.send(
      new StopTaskCommand({
        cluster,
        task: task.taskArn,
        reason: "Essential container in task exited",
      }),
    );
    ran.push({ ...live, ...r });
  }
  return ran;
}
