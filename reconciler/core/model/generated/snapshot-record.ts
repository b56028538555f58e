/* Generated from schemas/snapshot-record.schema.json by `npm run gen:types`. Do not edit. */

/**
 * What labenv captured for a Snapshot document, committed back to git through labenv's own pull request so it is reviewed and audited. Generated, never hand-edited. Lives beside the request at `environments/<lab>/<env>/snapshots/<name>.lock.yaml`. The manifest it names (in the object store) holds every checksum; this record names the manifest by its digest.
 */
export interface SnapshotRecord {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `SnapshotRecord`.
   */
  kind: "SnapshotRecord";
  metadata: {
    /**
     * The snapshot's name: the file name without `.lock.yaml`, the same as its Snapshot document's.
     */
    name: string;
    /**
     * The lab. Must equal the directory name: `environments/<lab>/`.
     */
    lab: string;
    /**
     * The environment captured. Must equal the directory: `environments/<lab>/<environment>/snapshots/`.
     */
    environment: string;
  };
  spec: {
    /**
     * What the snapshot is: `captured` (its manifest was written).
     */
    state: "captured";
    /**
     * When it was captured (UTC).
     */
    capturedAt: string;
    /**
     * The manifest that lists every object and file with its sha256.
     */
    manifest: {
      /**
       * The manifest's key in the object store.
       */
      key: string;
      /**
       * The sha256 of the manifest's canonical bytes: its identity. `labenv snapshot verify` proves the manifest against it.
       */
      digest: string;
    };
    /**
     * The commit of main the capture ran for.
     */
    commit: string;
    /**
     * Where it was captured (`sandbox (…)`, `aws eu-west-1 …`).
     */
    provider: string;
    /**
     * The environment's lock at capture.
     */
    lock: {
      /**
       * The environment lock's digest at capture.
       */
      digest: string;
      /**
       * The domain pack the lock was built from (`name@version`).
       */
      domainPack: string;
    };
    /**
     * The image the task ran, by digest.
     */
    image?: string;
    /**
     * The EBS snapshot of `/opt/jupyter`.
     */
    volumeSnapshotId?: string;
    /**
     * The home, when the snapshot includes it.
     */
    home?: {
      /**
       * The AWS Backup recovery point holding the home.
       */
      recoveryPointArn: string;
      /**
       * The home's path from the file system root.
       */
      path: string;
      /**
       * How many files the home held.
       */
      fileCount: number;
      /**
       * Their total size in bytes.
       */
      totalBytes: number;
    };
  };
}
