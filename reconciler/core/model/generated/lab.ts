/* Generated from schemas/lab.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A research lab: its members and their POSIX identities, who approves changes, its PI, quotas and funding sources. Lives at `environments/<lab>/lab.yaml`. Approval rules are always read from the base branch's copy of this file.
 */
export interface Lab {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `Lab`.
   */
  kind: "Lab";
  metadata: {
    /**
     * The lab id. Must equal the directory name: `environments/<name>/lab.yaml`.
     */
    name: string;
    /**
     * The lab's full name, as shown in reports.
     */
    displayName?: string;
    /**
     * Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  spec: {
    /**
     * The principal investigator: a member id. The PI must approve every succession in this lab.
     */
    pi: string;
    /**
     * Member ids who may approve shares, deletions, storage replacements and (by default) any environment change in this lab.
     *
     * @minItems 1
     *
     * Items: A member id from the lab's `lab.yaml` (`spec.members[].id`).
     */
    approvers: [string, ...string[]];
    /**
     * The lab's POSIX group id. Home directories on EFS are created with this group.
     */
    posixGid: number;
    /**
     * Everyone who may own or use an environment in this lab.
     *
     * @minItems 1
     */
    members: [
      {
        /**
         * The member's id inside labenv (used as `owner`, in approvers and successions).
         */
        id: string;
        /**
         * The member's full name.
         */
        name?: string;
        /**
         * The member's GitHub login. An approval counts only when it comes from the login mapped here.
         */
        github: string;
        /**
         * The member's POSIX user id: files in their EFS home are owned by it. Unique across all labs.
         */
        uid: number;
        /**
         * The member's role in the lab.
         */
        role: "pi" | "researcher" | "postdoc" | "student" | "engineer";
        /**
         * The member's ORCID iD, for funder reports.
         */
        orcid?: string;
        /**
         * The last day of the member's appointment, if known.
         */
        until?: string;
      },
      ...{
        /**
         * The member's id inside labenv (used as `owner`, in approvers and successions).
         */
        id: string;
        /**
         * The member's full name.
         */
        name?: string;
        /**
         * The member's GitHub login. An approval counts only when it comes from the login mapped here.
         */
        github: string;
        /**
         * The member's POSIX user id: files in their EFS home are owned by it. Unique across all labs.
         */
        uid: number;
        /**
         * The member's role in the lab.
         */
        role: "pi" | "researcher" | "postdoc" | "student" | "engineer";
        /**
         * The member's ORCID iD, for funder reports.
         */
        orcid?: string;
        /**
         * The last day of the member's appointment, if known.
         */
        until?: string;
      }[]
    ];
    /**
     * Limits on what all of the lab's environments together may use. `labenv validate` rejects a change that exceeds one.
     */
    quotas?: {
      /**
       * Total Fargate CPU units across running environments (1024 = 1 vCPU).
       */
      cpu?: number;
      /**
       * Total memory in MiB across running environments.
       */
      memory?: number;
      /**
       * Total EBS storage in GiB across all environments.
       */
      storageGiB?: number;
      /**
       * How many environments the lab may have.
       */
      environments?: number;
    };
    /**
     * `labenv lock` resolves this lab's environments as the package index stood this many days ago, from each file's upload time (as Renovate's `minimumReleaseAge` and uv's `exclude-newer` do): a release younger than that is not chosen. Releases whose upload time the index does not give are not chosen either. Locked versions are kept until the environment changes; `labenv lock --exclude-newer <date>` sets the same limit for one run.
     */
    minimumReleaseAgeDays?: number;
    /**
     * The domain pack trust levels this lab's environments may use (default: every level). `labenv validate` refuses an environment whose `domainPack` range resolves to a pack version of another level, and `labenv packs add --lab` refuses such a version; labenv.yaml's `packRegistries[].trust` still decides what may be vendored at all.
     *
     * @minItems 1
     *
     * Items: A domain pack trust level: `verified`, `community` or `experimental`.
     */
    packTrust?: [
      "verified" | "community" | "experimental",
      ...("verified" | "community" | "experimental")[]
    ];
    /**
     * Grants and budgets that pay for the lab's environments; environments name one in `metadata.funding`.
     */
    funding?: {
      /**
       * The funding source id, referenced by environments.
       */
      id: string;
      /**
       * Who funds it (NIH, NSF, ERC, an internal budget).
       */
      funder: string;
      /**
       * The award or grant number.
       */
      award?: string;
      /**
       * When the award ends.
       */
      until?: string;
    }[];
    /**
     * Who must approve which pull requests in this lab.
     */
    approvals?: {
      /**
       * Who approves ordinary environment changes: the environment's owner or a lab approver (default), or only a lab approver.
       */
      environmentChanges?: "owner-or-approver" | "approver";
    };
    /**
     * How drift in this lab's environments is judged.
     */
    drift?: {
      /**
       * Packages whose change is always critical drift, in addition to every package pinned by the domain pack.
       *
       * Items: A Python distribution name normalized per PEP 503 (lower case, runs of `-`, `_`, `.` written as one `-`).
       */
      criticalPackages?: string[];
      /**
       * At most this many drift pull requests are open for the lab at once.
       */
      maxOpenPullRequests?: number;
      /**
       * Severity rules, tried in order; the first that matches an item decides its severity.
       */
      rules?: {
        /**
         * Which kind of drift item the rule applies to.
         */
        item?:
          | "package"
          | "kernel"
          | "extension"
          | "config"
          | "infrastructure"
          | "r-package"
          | "julia-package";
        /**
         * Which change the rule applies to.
         */
        change?: "added" | "removed" | "changed";
        /**
         * Match only packages the lock pins from the domain pack (true) or only others (false).
         */
        pinned?: boolean;
        /**
         * Match only these item names.
         */
        names?: string[];
        /**
         * The severity of a matching item.
         */
        severity: "minor" | "critical" | "ignore";
      }[];
    };
    /**
     * Scheduled snapshots of this lab's environments: taken when the cron schedule is due (UTC) and pruned by `keep`, as Velero's schedules and TTLs do for Kubernetes. Every environment of the lab has it unless its own `spec.snapshots` says otherwise.
     */
    snapshots?: {
      /**
       * A five-field cron expression, in UTC (e.g. `0 3 * * *`: every day at 03:00). A reconcile that finds a slot due takes one snapshot for the newest slot missed, never a backlog.
       */
      schedule: string;
      /**
       * How many scheduled snapshots are kept: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly` months that have one (as restic's --keep-daily/weekly/monthly). Without `keep`, none is pruned. A snapshot a document asks for, under legal hold, within its keepUntil, named by a restoreFrom, share or succession, or the environment's last verified one is never pruned.
       */
      keep?: {
        /**
         * The newest scheduled snapshot of each of the last this many days is kept.
         */
        daily?: number;
        /**
         * The newest scheduled snapshot of each of the last this many ISO weeks (Monday to Sunday, UTC) is kept.
         */
        weekly?: number;
        /**
         * The newest scheduled snapshot of each of the last this many calendar months is kept.
         */
        monthly?: number;
      };
      /**
       * What each scheduled snapshot captures, as a Snapshot document's `include`.
       */
      include?: {
        /**
         * The /opt/jupyter EBS volume (the installed packages).
         */
        packages?: boolean;
        /**
         * The owner's EFS home, through an AWS Backup job.
         */
        home?: boolean;
      };
      /**
       * Take no scheduled snapshot while true (pruning goes on).
       */
      paused?: boolean;
    };
  };
}
