/** Where drift keeps its data in the object store (a directory locally, S3 in production). */
export const driftObjects = {
  /** The newest Observation of an environment, written by the agent (or the sandbox). */
  observation: (environment: string) => `observations/${environment}/latest.json`,
  /** The newest drift report. */
  report: (environment: string) => `drift/${environment}/report.json`,
  /** Decisions remembered between runs (rejected drift, handled pull requests). */
  memory: (environment: string) => `drift/${environment}/memory.json`,
};
