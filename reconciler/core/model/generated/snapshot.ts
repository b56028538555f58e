/* Generated from schemas/snapshot.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A request to capture an environment at a point in time: the EBS volume with its installed packages and, optionally, the owner's EFS home (through AWS Backup). Lives at `environments/<lab>/<env>/snapshots/<name>.yaml`.
 */
export interface Snapshot {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `Snapshot`.
   */
  kind: "Snapshot";
  metadata: {
    /**
     * The snapshot's name. Must equal the file name without `.yaml`.
     */
    name: string;
    /**
     * The lab that owns this environment. Must equal the directory name: `environments/<lab>/`.
     */
    lab: string;
    /**
     * The environment captured. Must equal the directory: `environments/<lab>/<environment>/snapshots/`.
     */
    environment: string;
    /**
     * Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  spec: {
    /**
     * The member who asked for the snapshot.
     */
    requestedBy: string;
    /**
     * Why the snapshot is taken (e.g. `before upgrading to genomics@2`, `paper submission`).
     */
    reason: string;
    /**
     * The experiment this snapshot records, for audits.
     */
    experiment?: string;
    /**
     * What to capture.
     */
    include?: {
      /**
       * The EBS volume at `/opt/jupyter` (installed packages, kernels).
       */
      packages?: boolean;
      /**
       * The owner's EFS home directory, as an AWS Backup recovery point.
       */
      home?: boolean;
    };
    /**
     * How long the snapshot is kept and where its data lives as it ages. Snapshots are kept at least ten years from capture, never deleted earlier, and never while under legal hold. A snapshot an environment restores from stays hot whatever these say.
     */
    retention?: {
      /**
       * Keep at least until this date.
       */
      keepUntil?: string;
      /**
       * Days after capture when the home's AWS Backup recovery point moves to cold storage (the warm tier: the packages still restore in minutes, the home's restore is slower). Default 30; never later than archiveAfterDays.
       */
      warmAfterDays?: number;
      /**
       * Days after capture when the /opt/jupyter volume snapshot moves to the EBS archive tier (the archive tier: a restore first waits 24-72 hours for it to come back). Default 365.
       */
      archiveAfterDays?: number;
      /**
       * Never delete while true, whatever the dates say.
       */
      legalHold?: boolean;
    };
  };
}
