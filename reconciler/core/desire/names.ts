/** Resource keys and AWS names, derived from identity only, so every run computes the same ones. */
export const keys = {
  home: (lab: string, env: string) => `access-point:${lab}/${env}/home`,
  dataset: (lab: string, dataset: string) => `access-point:${lab}/dataset/${dataset}`,
  taskDefinition: (lab: string, env: string) => `task-definition:${lab}/${env}`,
  taskRole: (lab: string, env: string) => `task-role:${lab}/${env}`,
  service: (lab: string, env: string) => `service:${lab}/${env}`,
  targetGroup: (lab: string, env: string) => `target-group:${lab}/${env}`,
  listenerRule: (lab: string, env: string) => `listener-rule:${lab}/${env}`,
  snapshot: (lab: string, env: string, name: string) => `ebs-snapshot:${lab}/${env}/${name}`,
  backup: (lab: string, env: string, name: string) => `backup-job:${lab}/${env}/${name}`,
};

/** ECS family and service name: `labenv-<lab>-<env>`. */
export function ecsName(lab: string, env: string): string {
  return `labenv-${lab}-${env}`;
}

export const paths = {
  home: (lab: string, env: string) => `/labs/${lab}/environments/${env}`,
  dataset: (lab: string, dataset: string) => `/labs/${lab}/datasets/${dataset}`,
  /** Where a read-only share of a snapshot restores the home as it was (the lending lab's tree). */
  shareCopy: (lab: string, share: string, snapshot: string) =>
    `/labs/${lab}/shares/${share}/${snapshot}`,
};

export const CONTAINER = {
  name: "jupyter",
  port: 8888,
  packagesPath: "/opt/jupyter",
  homePath: "/home/jovyan",
} as const;

/** The authorizer in front of Jupyter in every task with researcher access: the only port the load balancer reaches. */
export const AUTHORIZER = {
  name: "authorizer",
  port: 8080,
  /** Under the environment's path; answered without sign-in while Jupyter answers. */
  healthPath: "_labenv/health",
} as const;
