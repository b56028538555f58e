/* Generated from schemas/environment.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A Jupyter environment as a researcher asks for it: domain pack, extra packages, resources, owner, and how drift is handled. Lives at `environments/<lab>/<name>/environment.yaml`; `labenv lock` turns it into `environment.lock.yaml`.
 */
export interface Environment {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `Environment`.
   */
  kind: "Environment";
  metadata: {
    /**
     * The environment's name. Must equal the directory name: `environments/<lab>/<name>/`.
     */
    name: string;
    /**
     * The lab that owns this environment. Must equal the directory name: `environments/<lab>/`.
     */
    lab: string;
    /**
     * Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.
     */
    labels?: {
      [k: string]: string | undefined;
    };
    /**
     * The experiment or study this environment serves (e.g. `EXP-2026-014`). Audit reports group by it.
     */
    experiment?: string;
    /**
     * The funding source paying for this environment: an id from the lab's `spec.funding`.
     */
    funding?: string;
  };
  spec: {
    /**
     * The member who owns the environment. Their POSIX uid owns the EFS home mounted at `/home/jovyan`.
     */
    owner: string;
    /**
     * What the environment is for, in a sentence or two.
     */
    description?: string;
    /**
     * How sensitive the environment's data is. `restricted` (identifiable patient data, embargoed results): a Share of it needs `allowRestricted: true`, and then the lab PI's approval.
     */
    criticality?: "standard" | "restricted";
    /**
     * The domain pack and a semver range, e.g. `genomics@^1.2`. The highest published, non-yanked version in the range is locked.
     */
    domainPack: string;
    /**
     * `running` keeps one Jupyter task up; `stopped` scales the service to zero and keeps every byte of storage.
     */
    state?: "running" | "stopped";
    /**
     * Bring this environment back from a captured snapshot: its task runs the snapshot's image by digest, its /opt/jupyter volume is created from the snapshot's EBS snapshot, and the snapshot's home is restored from its AWS Backup recovery point and checked file by file against the manifest. The environment's lock must hold the snapshot's lock (`labenv restore` writes both). Existing files in the home are never overwritten unless `overwrite: true`: without it the restored files are left beside them.
     */
    restoreFrom?: {
      /**
       * The snapshot: `<lab>/<environment>/<name>`.
       */
      snapshot: string;
      /**
       * Restore over the home's files: each file whose content differs from the snapshot's is replaced by the snapshot's version, the home's version first moved into `.labenv-replaced/<time>/` in the home (never lost); files the snapshot does not have are left as they are. Destructive to the home's current versions, so it needs the approvals of a delete (an approver of the lab). On AWS the one-off move task (the agent's `--replace`) does the same; a snapshot whose image's agent predates `--replace` fails the restore and changes nothing.
       */
      overwrite?: boolean;
      /**
       * Which attempt of this restore to run. Raise it (2, 3, …) in a pull request to retry a restore that failed: a fresh restore with its own AWS Backup restore job and move, recorded apart; what an earlier attempt left (its record, a restore directory a failed move left, files placed beside the home) is kept, never deleted. A retry needs the approvals the restore needed (an overwrite's, with `overwrite: true`). Attempt 1 is the restore as first asked for.
       */
      attempt?: number;
    };
    /**
     * Compute and storage for the Jupyter task.
     */
    resources: {
      /**
       * Fargate CPU units (1024 = 1 vCPU). Each value allows only certain memory sizes; `labenv validate` checks the pair.
       */
      cpu: 256 | 512 | 1024 | 2048 | 4096 | 8192 | 16384;
      /**
       * Memory in MiB. Must be a size Fargate offers for the chosen cpu (e.g. cpu 1024 allows 2048–8192 in steps of 1024).
       */
      memory: number;
      /**
       * Size in GiB of the EBS volume mounted at `/opt/jupyter` (installed packages and kernels).
       */
      storageGiB?: number;
    };
    /**
     * Extra Python packages beyond the domain pack, as PEP 508 requirements (`scanpy>=1.10,<1.11`). They must not conflict with the pack's pins.
     */
    packages?: string[];
    /**
     * R packages on top of the pack's, pinned exactly and installed from one date-pinned CRAN-style snapshot repository (needs an R kernel in the pack). `labenv lock` reads the repository's `src/contrib/PACKAGES`, locks every pin and its dependencies at the snapshot's versions with their MD5 sums, and the image installs exactly those.
     */
    r?: {
      /**
       * A snapshot repository that never changes, e.g. `https://packagemanager.posit.co/cran/2024-06-03` (Posit Package Manager, pinned to a date).
       */
      repository: string;
      /**
       * `name==version`, exact: the version the snapshot holds.
       *
       * @maxItems 500
       */
      packages: string[];
    };
    /**
     * Julia packages for the pack's Julia kernel (IJulia), pinned exactly and resolved against one General-style registry (needs a Julia kernel with its version in the pack). `labenv lock` reads the registry's Registry.toml and each package's Package.toml, Versions.toml, Deps.toml and Compat.toml, locks every pin and its dependencies (a backtracking resolver: the highest versions that together meet every compat range) with their uuids and git-tree-sha1s, and the image instantiates exactly that Manifest.toml. IJulia must be among them.
     */
    julia?: {
      /**
       * Where the registry's files are read from: an HTTP(S) URL serving them at a commit that never changes (e.g. a raw-files URL of JuliaRegistries/General at one commit, or an institution's mirror), or a git repository read with git — `git+file:///path/to/General#<ref>` on this machine, or `git+https://host/General.git#<ref>` fetched first. For git, the lock records the commit `<ref>` named when it was made (`registryCommit`), and later locks read that commit until `labenv lock --upgrade`.
       */
      registry: string;
      /**
       * `Name==x.y.z`, exact: a version the registry holds and has not yanked.
       *
       * @maxItems 500
       */
      packages: string[];
    };
    /**
     * Which of the pack's kernels to offer (kernelspec names). Default: all of them.
     */
    kernels?: string[];
    /**
     * Jupyter server and lab settings, as `Section.option: value` (e.g. `ServerApp.shutdown_no_activity_timeout: 3600`). Tokens and passwords are never set here: access goes through the load balancer.
     */
    jupyterConfig?: {
      [k: string]: string | number | boolean | unknown[] | {} | null | undefined;
    };
    /**
     * Lab datasets to mount in addition to the pack's.
     */
    mounts?: {
      /**
       * The lab's shared dataset (a directory on the lab's EFS file system, mounted through its own access point).
       */
      dataset: string;
      /**
       * Where the dataset appears in the container, under `/data`.
       */
      path: string;
      /**
       * Mount read-only (the default) so analyses cannot change reference data.
       */
      readOnly?: boolean;
    }[];
    /**
     * When the environment runs, for cost estimates and idle shutdown.
     */
    schedule?: {
      /**
       * Stop the Jupyter server after this many idle minutes (0: never).
       */
      idleShutdownMinutes?: number;
      /**
       * Expected running hours per week; used for the monthly cost estimate.
       */
      hoursPerWeek?: number;
    };
    /**
     * What labenv does when what runs differs from the lock.
     */
    drift?: {
      /**
       * `pr` opens a drift pull request for humans to decide; `revert` puts the environment back as locked (snapshot first); `alert` only reports.
       */
      policy?: "pr" | "revert" | "alert";
    };
    /**
     * Scheduled snapshots of this environment: taken when the cron schedule is due (UTC) and pruned by `keep`, as Velero's schedules and TTLs do for Kubernetes. Overrides the lab's `spec.snapshots` (its fields win, `keep` as a whole).
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
