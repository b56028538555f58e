/* Generated from schemas/share.schema.json by `npm run gen:types`. Do not edit. */

/**
 * This lab lends one of its environments (or a snapshot of it) to another lab. Needs approval from an approver of each lab. Lives at `environments/<lab>/shares/<name>.yaml` in the owning lab.
 */
export interface Share {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `Share`.
   */
  kind: "Share";
  metadata: {
    /**
     * The share's name. Must equal the file name without `.yaml`.
     */
    name: string;
    /**
     * The lab that owns what is shared. Must equal the directory: `environments/<lab>/shares/`.
     */
    lab: string;
    /**
     * Free-form labels for grouping and search. Keys must not look like secrets: labenv never stores credentials in Git.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  spec: {
    /**
     * The owning lab's environment that is shared.
     */
    environment: string;
    /**
     * Share this snapshot of the environment rather than the live environment.
     */
    snapshot?: string;
    /**
     * Who receives the share.
     */
    to: {
      /**
       * The receiving lab.
       */
      lab: string;
      /**
       * Members of the receiving lab who get access. Default: all of them.
       *
       * Items: A member id from the lab's `lab.yaml` (`spec.members[].id`).
       */
      members?: string[];
    };
    /**
     * `read-only`: each receiving member gets an EFS access point onto the environment's home, mounted read-only at `mountPath` in the environments they own in the receiving lab; `clone`: the receiving lab gets an environment of its own, created from a snapshot taken when the share is granted (it stays after the share ends).
     */
    access: "read-only" | "clone";
    /**
     * Where a `read-only` share is mounted in the receiving members' environments (an absolute path, not under /home/jovyan or /opt/jupyter). Default: `/shared/<owning lab>/<environment>`.
     */
    mountPath?: string;
    /**
     * The last day of the share. The day after, the next reconcile revokes it (a warning in validate, a revoke in the plan); a week before, labenv proposes renewal or removal.
     */
    expires: string;
    /**
     * When labenv proposes renewing this share and for how long (each default comes from labenv.yaml `shares`, else 7 and 90 days). The notice must be shorter than the term, or a merged renewal would be due again at once.
     */
    renewal?: {
      /**
       * How many days before `expires` the renewal pull request opens (the last day counts as 0). Default: labenv.yaml `shares.renewalNoticeDays`, else 7.
       */
      noticeDays?: number;
      /**
       * How many days after `expires` the renewal pull request proposes as the new last day (its reviewers may change the date). Default: labenv.yaml `shares.renewalTermDays`, else 90.
       */
      termDays?: number;
    };
    /**
     * Why the environment is shared (collaboration, reproduction of a paper).
     */
    purpose: string;
    /**
     * Share an environment marked `criticality: restricted`. Without it such a share is refused; with it the owning lab's PI must approve the pull request.
     */
    allowRestricted?: boolean;
  };
}
