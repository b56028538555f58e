import type { Probot } from "probot";
import { LabenvError } from "../../reconciler/core/errors.js";

/**
 * Who this app is on GitHub: its id (check runs name the app that created
 * them) and its bot's login (`<slug>[bot]`, the author of its comments and
 * pull requests). Another app can create a check run with the same name or a
 * comment with the same hidden marker; only these two say it is labenv's own.
 */
export interface AppIdentity {
  id: number;
  login: string;
}

/** Reads the identity once per app instance (`GET /app` with the app's JWT); a failed read is retried on the next call. */
export function appIdentityReader(probot: Probot): () => Promise<AppIdentity> {
  let known: Promise<AppIdentity> | undefined;
  return () => {
    known ??= (async () => {
      try {
        const github = await probot.auth();
        const { data } = await github.rest.apps.getAuthenticated();
        if (!data) throw new Error("GitHub answered GET /app without the app");
        return { id: data.id, login: `${data.slug}[bot]` };
      } catch (e) {
        known = undefined;
        throw new LabenvError(
          "git",
          `cannot read the app's own identity: ${(e as Error).message}`,
          {
            cause: e,
          },
        );
      }
    })();
    return known;
  };
}
