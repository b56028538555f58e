import { LabenvError, isLabenvError } from "../../core/errors.js";

/** Names of AWS errors that mean "this thing does not exist". */
const NOT_FOUND = new Set([
  "AccessPointNotFound",
  "FileSystemNotFound",
  "ServiceNotFoundException",
  "ResourceNotFoundException",
  "InvalidSnapshot.NotFound",
  "InvalidVolume.NotFound",
  "NoSuchKey",
  "NotFound",
]);

export function isNotFound(e: unknown): boolean {
  return e instanceof Error && NOT_FOUND.has(e.name);
}

/** ECS answers `ClientException: Unable to describe task definition.` for a family with no revision. */
export function isMissingTaskDefinition(e: unknown): boolean {
  return (
    e instanceof Error &&
    e.name === "ClientException" &&
    /unable to describe task definition/i.test(e.message)
  );
}

/** Turns whatever an SDK call threw into a LabenvError with code `provider` that says what labenv was doing. */
export function providerFailure(doing: string, e: unknown): LabenvError {
  if (isLabenvError(e)) return e;
  const name = e instanceof Error ? e.name : "Error";
  const message = e instanceof Error ? e.message : String(e);
  return new LabenvError("provider", `AWS refused to ${doing}: ${name}: ${message}`, {
    cause: e,
    hint: hintFor(name),
  });
}

function hintFor(name: string): string | undefined {
  if (/Throttl|RequestLimitExceeded|TooManyRequests/.test(name))
    return "AWS kept throttling after every retry; run the reconcile again later.";
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/.test(name))
    return "The reconciler role lacks a permission; compare docs/aws-provider.md with the infra/ policy.";
  if (name === "ClientException" || name === "InvalidParameterException")
    return "AWS rejected the request as invalid; check the environment's cpu/memory, image and network settings.";
  return undefined;
}
