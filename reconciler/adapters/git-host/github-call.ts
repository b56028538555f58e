import { LabenvError } from "../../core/errors.js";

/** One GitHub API call; failures become `git` LabenvErrors with a hint. With `missing`, a 404 reads as "not there". */
export async function githubCall<T>(what: string, fn: () => Promise<T>): Promise<T>;
export async function githubCall<T>(
  what: string,
  fn: () => Promise<T>,
  options: { missing: true },
): Promise<T | undefined>;
export async function githubCall<T>(
  what: string,
  fn: () => Promise<T>,
  options: { missing?: boolean } = {},
): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 404 && options.missing) return undefined;
    const hint =
      status === 401
        ? "the GitHub token was refused"
        : status === 403
          ? "the token lacks contents or pull request write access, or the rate limit is exhausted"
          : "check the repository name and the network";
    throw new LabenvError(
      "git",
      `GitHub: ${what} failed${status ? ` (HTTP ${status})` : ""}: ${(e as Error).message}`,
      { cause: e, hint },
    );
  }
}
