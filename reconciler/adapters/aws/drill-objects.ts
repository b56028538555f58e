import { observationPrefixOf } from "../../core/kinds/task-role.js";

/** Where a drill on AWS keeps what it remembers between runs, and where its task's agent writes. */
export const drillTaskObjects = {
  task: (environment: string) => `drills/${environment}/task.json`,
  home: (environment: string) => `drills/${environment}/home.json`,
  /** A restore job an earlier drill stopped waiting for (drill-home.ts), until its copy is removed. */
  abandoned: (environment: string) => `drills/${environment}/abandoned-restore.json`,
  /** Under `observations/<lab>/<env>/`, the only prefix the environment's task role may write. */
  observation: (environment: string, startedAt: string) => {
    const [lab, env] = environment.split("/") as [string, string];
    return `${observationPrefixOf(lab, env)}drills/${startedAt.replaceAll(":", "")}.json`;
  },
};
