import { isLabenvError } from "../core/errors.js";
import type { Repository } from "../core/model/documents.js";
import { proposeRenewals, type RenewalProposal } from "../core/shares/propose-renewals.js";
import { renewalDue, renewalTerms } from "../core/shares/renewal-pull-request.js";
import {
  NO_SNAPSHOT_SOURCES,
  runSuccessions,
  type SuccessionStatus,
} from "../core/successions/run-successions.js";
import type { GitHost } from "../ports/git-host.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { SnapshotSources } from "../ports/snapshot-sources.js";
import type { Provider } from "../ports/provider.js";
import type { StateStore } from "../ports/state-store.js";

/** What the reconciler Lambda does after a run that applied (or had nothing to apply). */
export interface AfterRun {
  /** Renewal pull requests of shares within their notice period, or why none was asked for. */
  renewals?: RenewalProposal[] | { skipped: string };
  /** Where each due (or started) succession stands after this run's steps. */
  successions?: SuccessionStatus[] | { skipped: string };
}

/**
 * Share renewals and succession steps, as `labenv reconcile` ends with them: each share due
 * gets its renewal pull request through the git host (found by its branch, so a warm or retried
 * invocation updates it instead of opening another); each due succession goes on from its last
 * recorded step. Neither throws for the other: a git host that cannot be opened is reported.
 */
export async function afterRun(
  repository: Repository,
  input: { commit: string; today: string; baseBranch: string; run?: string },
  ports: {
    provider: Provider;
    state: StateStore;
    objects?: ObjectStore;
    gitHost: () => Promise<GitHost>;
    /** Where snapshots' evidence is read (AWS: its APIs, the agents' reports, one-off tasks). */
    snapshotSources?: (objects: ObjectStore) => Promise<SnapshotSources>;
    now: () => Date;
  },
): Promise<AfterRun> {
  const out: AfterRun = {};
  let host: Promise<GitHost> | undefined;
  const openHost = () => (host ??= ports.gitHost());
  if (
    [...repository.shares.values()].some((s) =>
      renewalDue(s, input.today, renewalTerms(repository, s)),
    )
  )
    out.renewals = await withHost(openHost, (h) =>
      proposeRenewals(repository, input.today, input.baseBranch, h),
    );
  const started = [...repository.successions.values()].some(
    (s) => s.doc.spec.effective <= input.today,
  );
  if (started) {
    const objects = ports.objects;
    if (!objects)
      out.successions = {
        skipped:
          "successions keep their hand-over packages in the object bucket: set LABENV_OBJECT_BUCKET",
      };
    else {
      out.successions = await runSuccessions(
        { ...input, repository, provider: ports.provider.label },
        {
          state: ports.state,
          objects,
          sources: await successionSources(repository, input.today, ports.state, objects, ports),
          observe: () => ports.provider.observe(),
          gitHost: openHost,
          now: ports.now,
        },
      );
    }
  }
  return out;
}

async function withHost<T>(
  open: () => Promise<GitHost>,
  use: (host: GitHost) => Promise<T>,
): Promise<T | { skipped: string }> {
  let host: GitHost;
  try {
    host = await open();
  } catch (e) {
    if (!isLabenvError(e)) throw e;
    return { skipped: `${e.message}${e.hint ? ` (${e.hint})` : ""}` };
  }
  return use(host);
}

/**
 * The snapshot sources the succession steps need, opened only while a started succession has
 * its snapshot step ahead (opening them reads everything the provider holds); without any, the
 * snapshot step waits, saying why.
 */
async function successionSources(
  repository: Repository,
  today: string,
  state: StateStore,
  objects: ObjectStore,
  ports: { snapshotSources?: (objects: ObjectStore) => Promise<SnapshotSources> },
): Promise<SnapshotSources | { unavailable: string }> {
  if (!ports.snapshotSources) return { unavailable: NO_SNAPSHOT_SOURCES };
  const records = new Map((await state.listSuccessions()).map((r) => [r.succession, r]));
  const ahead = [...repository.successions.values()].some((s) => {
    if (s.doc.spec.effective > today) return false;
    const r = records.get(`${s.doc.metadata.lab}/${s.doc.metadata.name}`);
    return !r?.done.some((d) => d.step === "snapshot");
  });
  return ahead ? ports.snapshotSources(objects) : { unavailable: NO_SNAPSHOT_SOURCES };
}
