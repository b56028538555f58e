/* Generated from schemas/observation.schema.json by `npm run gen:types`. Do not edit. */

/**
 * What the labenv agent saw inside a running Jupyter container: installed packages, kernels, extensions and config hashes. Written to the object store; drift detection compares it with the lock.
 */
export interface Observation {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `Observation`.
   */
  kind: "Observation";
  metadata: {
    /**
     * A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters.
     */
    lab: string;
    /**
     * A lower-case name that is safe as a path segment and a DNS label: letters, digits and inner hyphens, at most 63 characters.
     */
    environment: string;
    /**
     * When the observation was made (UTC).
     */
    observedAt: string;
    /**
     * `agent`: the in-container agent; `sandbox`: the local simulation.
     */
    source: "agent" | "sandbox";
    /**
     * The task (ARN or sandbox id) that was observed.
     */
    task?: string;
    host?: string;
  };
  spec: {
    /**
     * An exact CPython version, e.g. `3.11.9`.
     */
    python?: string;
    /**
     * Every installed distribution, as `pip inspect` reports it.
     */
    packages: {
      /**
       * A Python distribution name normalized per PEP 503 (lower case, runs of `-`, `_`, `.` written as one `-`).
       */
      name: string;
      /**
       * The installed version.
       */
      version: string;
      /**
       * Which tool installed it (pip, conda, uv).
       */
      installer?: string;
      /**
       * True when a user asked for it rather than it coming in as a dependency.
       */
      requested?: boolean;
      /**
       * Where it is installed (site-packages path).
       */
      location?: string;
    }[];
    /**
     * Kernelspecs, as `jupyter kernelspec list --json` reports them.
     */
    kernels: {
      /**
       * The kernelspec name Jupyter uses (`python3`, `ir`, `julia-1.10`).
       */
      name: string;
      /**
       * The kernel's language.
       */
      language: "python" | "R" | "julia";
      /**
       * The name shown in JupyterLab's launcher.
       */
      displayName?: string;
      /**
       * The language runtime version the kernel runs (R 4.4.1, Julia 1.10.5).
       */
      version?: string;
    }[];
    /**
     * JupyterLab extensions found in the labextensions directories.
     */
    extensions: {
      /**
       * The JupyterLab extension's npm package name.
       */
      name: string;
      /**
       * The exact extension version.
       */
      version: string;
    }[];
    /**
     * Hashes of the Jupyter config values and files found.
     */
    jupyterConfig: {
      /**
       * The setting, `Section.option` or a config file path.
       */
      key: string;
      /**
       * sha256 of the setting's canonical JSON value (or of the file's bytes).
       */
      sha256: string;
    }[];
    /**
     * The R packages installed in the image's site libraries (R's base and recommended packages left out), from their DESCRIPTION files; absent when the image has no R.
     *
     * @maxItems 20000
     */
    rPackages?: {
      /**
       * The package name (its DESCRIPTION's Package).
       */
      name: string;
      /**
       * The installed version (its DESCRIPTION's Version).
       */
      version: string;
    }[];
    /**
     * The Julia packages of the image's Julia project (`$JULIA_PROJECT`), from its Manifest.toml, each whose package directory is in one of Julia's depots (standard libraries left out); absent when the image has no Julia project.
     *
     * @maxItems 20000
     */
    juliaPackages?: {
      /**
       * The package name (its Manifest.toml entry).
       */
      name: string;
      /**
       * The version the manifest gives.
       */
      version: string;
      /**
       * The manifest's git-tree-sha1 of the installed tree.
       */
      gitTreeSha1: string;
    }[];
  };
}
