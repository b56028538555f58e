import type { TaskAccess } from "../access/task-access.js";
import { isImageBuildKey } from "./image-build.js";
import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/** An ECS task definition: the image (by digest) and what it mounts. */
export interface TaskDefinitionSpec {
  family: string;
  cpu: number;
  memory: number;
  /** The image by digest, or the key of the image build whose result it runs. */
  image: string;
  /** The resource key of the home access point (resolved to its id by the provider). */
  homeAccessPoint: string;
  /**
   * Further EFS mounts: access point resource key → container path. Lab datasets (read-only by
   * default) and read-only shares from other labs (`share-access:` keys).
   */
  datasets: { accessPoint: string; path: string; readOnly: boolean }[];
  /** Environment variables for the container (never secrets). */
  environment: Record<string, string>;
  /** The lab's task role (from labenv.yaml `aws.taskRoleArns`), if any. */
  taskRoleArn?: string;
  executionRoleArn?: string;
  logGroup?: string;
  /** Researcher access: the authorizer container in front of Jupyter, and Jupyter's base_url. */
  access?: TaskAccess;
}

/** A new revision whenever it or an access point it mounts changes; deregistered when its environment goes. */
export const taskDefinition: KindModule<"task-definition"> = {
  ...KIND_DEFAULTS,
  kind: "task-definition",
  stage: "task-definitions",
  dependsOnKinds: ["access-point", "share-access", "image-build"],
  lifecycle: "disposable",
  onChange: "update",
  dependencies: (spec) => [
    ...(isImageBuildKey(spec.image) ? [spec.image] : []),
    spec.homeAccessPoint,
    ...spec.datasets.map((d) => d.accessPoint),
  ],
  createReason: (d) => `register task definition for ${d.environment}`,
  changeReason: (d, what) => `update task definition ${d.environment}: ${what}`,
  followReason: (d, moved) =>
    `update task definition ${d.environment}: uses the new ${moved.map((k) => k.split(":")[0]).join(", ")} ${moved.map((k) => k.split(":")[1]).join(", ")}`,
  deleteReason: (o) => `${o.environment} was removed from git; the task definition is deregistered`,
};
