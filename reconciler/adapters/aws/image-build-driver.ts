import { LabenvError } from "../../core/errors.js";
import type { ObservedResource } from "../../core/model/resources.js";
import type { ResourceDriver } from "./resource-driver.js";

/**
 * Image builds on AWS (CodeBuild pushing to the lab's ECR repository) are not built yet: with
 * `target: aws` the desired state asks for none, and each task runs its pack's image as locked.
 * Nothing labenv owns of this kind exists on AWS, and an action of it is refused by name rather
 * than half-applied.
 */
export const imageBuildDriver: ResourceDriver<"image-build"> = {
  kind: "image-build",
  observe: (): Promise<ObservedResource<"image-build">[]> => Promise.resolve([]),
  apply: (action) =>
    Promise.reject(
      new LabenvError(
        "provider",
        `cannot ${action.outcome} ${action.key}: building environment images on AWS is not available yet`,
        { hint: "with target: aws, tasks run their domain pack's image as locked" },
      ),
    ),
};
