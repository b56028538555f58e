// Reads the `cdk deploy -c key=value` context into typed settings. Pure: the
// caller passes a context reader and the process environment, so tests need
// no App. Every bad value fails with a message naming the context key.

/** The labs a fresh installation gets a task role for when `-c labs=` is not given. */
export const DEFAULT_LABS: readonly string[] = ["genomics-core", "climate-dynamics", "ml-vision"];

export const DEFAULT_RECONCILER_ENTRY = "reconciler/lambda/handler.ts";
export const DEFAULT_GITHUB_APP_ENTRY = "github-app/lambda.ts";
export const DEFAULT_DRIFT_ENTRY = "reconciler/lambda/drift-handler.ts";
export const DEFAULT_DASHBOARD_ENTRY = "reconciler/lambda/dashboard-handler.ts";
export const DEFAULT_WAKE_ENTRY = "reconciler/lambda/wake-lambda.ts";

// Same rule as `metadata.lab` in schemas/lab.schema.json.
const LAB_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate\/[0-9a-f-]+$/;
const CIDR = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// GitHub's rules for owner (user or organisation) and repository names.
const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export interface LabenvSettings {
  /** CloudFormation stack name; one account can hold several installations. */
  readonly stackName: string;
  /** Labs that get a task role; the reconciler may only tag resources with these. */
  readonly labs: readonly string[];
  /** Region the stack deploys to (context `region`, else the CLI's region). */
  readonly region: string;
  /** Account, when known (needed only to look up an existing VPC). */
  readonly account?: string;
  /** Existing VPC to use instead of creating one. */
  readonly vpcId?: string;
  /** Whether to create interface VPC endpoints. */
  readonly vpcEndpoints: boolean;
  /** NAT gateways for a new VPC (egress to GitHub and package indexes). */
  readonly natGateways: number;
  /** ACM certificate for an HTTPS listener; without it the load balancer is internal HTTP. */
  readonly certificateArn?: string;
  readonly internetFacing: boolean;
  /** Who may reach the load balancer; undefined means the VPC's own CIDR. */
  readonly ingressCidrs?: readonly string[];
  readonly alarmEmail?: string;
  readonly driftScheduleMinutes: number;
  /** Days between scheduled restore drills (`-c drillScheduleDays=7`) and environments a run (`-c drillMaxPerRun=2`). */
  readonly drillScheduleDays: number;
  readonly drillMaxPerRun: number;
  /**
   * `owner/name` of the labenv repository on GitHub and the GitHub App's
   * installation id on it: what the drift Lambda (and the reconciler, when
   * an ECS task changes) read the default branch through. Both or neither.
   */
  readonly githubRepository?: string;
  readonly githubInstallationId?: number;
  readonly reconcilerEntry: string;
  readonly githubAppEntry: string;
  readonly driftEntry: string;
  readonly dashboardEntry: string;
  /** Researcher access (sign-in, wake page, Secure Browser): `-c jupyterDomainName=… -c cognitoDomainPrefix=…`. */
  readonly researcherAccess?: {
    readonly domainName: string;
    readonly cognitoDomainPrefix: string;
    readonly samlMetadataUrl?: string;
    /** An OIDC directory instead: its issuer, the client id and the secret holding the client secret. */
    readonly oidc?: {
      readonly issuerUrl: string;
      readonly clientId: string;
      readonly clientSecretArn: string;
    };
    readonly directoryName: string;
    readonly memberAttribute?: string;
    readonly secureBrowser: boolean;
  };
}

export class InfraSettingsError extends Error {
  readonly code = "LABENV_INFRA_SETTINGS";

  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`labenv infra: context "${key}": ${message}`);
    this.name = "InfraSettingsError";
  }
}

export type ContextReader = (key: string) => unknown;

export function readSettings(context: ContextReader, env: NodeJS.ProcessEnv = {}): LabenvSettings {
  const labs = readList(context, "labs") ?? [...DEFAULT_LABS];
  if (labs.length === 0) throw new InfraSettingsError("labs", "name at least one lab");
  for (const lab of labs) {
    if (!LAB_NAME.test(lab)) {
      throw new InfraSettingsError(
        "labs",
        `"${lab}" is not a lab id (lowercase letters, digits and dashes)`,
      );
    }
  }
  if (new Set(labs).size !== labs.length)
    throw new InfraSettingsError("labs", "a lab is listed twice");

  const region = readString(context, "region") ?? env.CDK_DEFAULT_REGION;
  if (!region) {
    throw new InfraSettingsError("region", "no region: pass -c region=eu-west-1 or set AWS_REGION");
  }
  const account = readString(context, "account") ?? env.CDK_DEFAULT_ACCOUNT;

  const vpcId = readString(context, "vpcId");
  if (vpcId !== undefined && !VPC_ID.test(vpcId))
    throw new InfraSettingsError("vpcId", `"${vpcId}" is not a VPC id`);
  if (vpcId !== undefined && account === undefined) {
    throw new InfraSettingsError(
      "vpcId",
      "looking up an existing VPC needs an account: pass -c account=… or use credentials",
    );
  }

  const certificateArn = readString(context, "certificateArn");
  if (certificateArn !== undefined && !CERTIFICATE_ARN.test(certificateArn)) {
    throw new InfraSettingsError(
      "certificateArn",
      `"${certificateArn}" is not an ACM certificate ARN`,
    );
  }
  const internetFacing = readBoolean(context, "internetFacing") ?? certificateArn !== undefined;
  if (internetFacing && certificateArn === undefined) {
    throw new InfraSettingsError(
      "internetFacing",
      "an internet-facing load balancer needs -c certificateArn=… (labenv never serves Jupyter over plain HTTP on the internet)",
    );
  }

  const ingressCidrs =
    readList(context, "ingressCidrs") ?? (internetFacing ? ["0.0.0.0/0"] : undefined);
  for (const cidr of ingressCidrs ?? []) {
    if (!CIDR.test(cidr))
      throw new InfraSettingsError("ingressCidrs", `"${cidr}" is not an IPv4 CIDR`);
  }

  const alarmEmail = readString(context, "alarmEmail");
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    throw new InfraSettingsError("alarmEmail", `"${alarmEmail}" is not an e-mail address`);
  }

  const githubRepository = readString(context, "githubRepository");
  if (githubRepository !== undefined && !GITHUB_REPOSITORY.test(githubRepository)) {
    throw new InfraSettingsError(
      "githubRepository",
      `"${githubRepository}" is not a GitHub repository (owner/name)`,
    );
  }
  const githubInstallationId = readOptionalInteger(
    context,
    "githubInstallationId",
    1,
    Number.MAX_SAFE_INTEGER,
  );
  if (githubRepository !== undefined && githubInstallationId === undefined) {
    throw new InfraSettingsError(
      "githubInstallationId",
      "-c githubRepository=… needs the GitHub App's installation id on it too",
    );
  }
  if (githubInstallationId !== undefined && githubRepository === undefined) {
    throw new InfraSettingsError(
      "githubRepository",
      "-c githubInstallationId=… needs the repository it is installed on (owner/name)",
    );
  }

  const domainName = readString(context, "jupyterDomainName");
  const cognitoDomainPrefix = readString(context, "cognitoDomainPrefix");
  if ((domainName === undefined) !== (cognitoDomainPrefix === undefined))
    throw new InfraSettingsError(
      domainName === undefined ? "jupyterDomainName" : "cognitoDomainPrefix",
      "researcher access needs both -c jupyterDomainName=… (the name in the certificate) and -c cognitoDomainPrefix=… (the sign-in domain)",
    );
  if (domainName !== undefined && certificateArn === undefined)
    throw new InfraSettingsError(
      "jupyterDomainName",
      "researcher access needs -c certificateArn=… (the load balancer signs researchers in on HTTPS only)",
    );
  if (
    cognitoDomainPrefix !== undefined &&
    !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(cognitoDomainPrefix)
  )
    throw new InfraSettingsError(
      "cognitoDomainPrefix",
      `"${cognitoDomainPrefix}" is not a domain prefix`,
    );
  const samlMetadataUrl = readString(context, "samlMetadataUrl");
  if (samlMetadataUrl !== undefined && !/^https:\/\//.test(samlMetadataUrl))
    throw new InfraSettingsError("samlMetadataUrl", `"${samlMetadataUrl}" is not an https URL`);
  const oidcIssuer = readString(context, "oidcIssuer");
  const oidcClientId = readString(context, "oidcClientId");
  const oidcClientSecretArn = readString(context, "oidcClientSecretArn");
  const oidcGiven = [oidcIssuer, oidcClientId, oidcClientSecretArn].filter((v) => v !== undefined);
  if (oidcGiven.length > 0 && oidcGiven.length < 3)
    throw new InfraSettingsError(
      oidcIssuer === undefined
        ? "oidcIssuer"
        : oidcClientId === undefined
          ? "oidcClientId"
          : "oidcClientSecretArn",
      "an OIDC directory needs -c oidcIssuer=…, -c oidcClientId=… and -c oidcClientSecretArn=… (a Secrets Manager secret holding the client secret)",
    );
  if (oidcIssuer !== undefined && samlMetadataUrl !== undefined)
    throw new InfraSettingsError(
      "oidcIssuer",
      "give one directory: samlMetadataUrl or oidcIssuer, not both",
    );
  if (oidcIssuer !== undefined && !/^https:\/\//.test(oidcIssuer))
    throw new InfraSettingsError("oidcIssuer", `"${oidcIssuer}" is not an https URL`);
  if (
    oidcClientSecretArn !== undefined &&
    !/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$/.test(oidcClientSecretArn)
  )
    throw new InfraSettingsError(
      "oidcClientSecretArn",
      `"${oidcClientSecretArn}" is not a Secrets Manager secret ARN`,
    );
  const secureBrowser = readBoolean(context, "secureBrowser") ?? false;
  if (secureBrowser && samlMetadataUrl === undefined)
    throw new InfraSettingsError(
      "secureBrowser",
      "the Secure Browser portal signs in through a SAML directory: give -c samlMetadataUrl=…",
    );
  const memberAttribute = readString(context, "memberAttribute");

  const stackName = readString(context, "stackName") ?? "Labenv";
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName))
    throw new InfraSettingsError("stackName", `"${stackName}" is not a stack name`);

  return {
    stackName,
    labs,
    region,
    ...(account !== undefined && { account }),
    ...(vpcId !== undefined && { vpcId }),
    vpcEndpoints: readBoolean(context, "vpcEndpoints") ?? vpcId === undefined,
    natGateways: readInteger(context, "natGateways", 1, 1, 3),
    ...(certificateArn !== undefined && { certificateArn }),
    internetFacing,
    ...(ingressCidrs !== undefined && { ingressCidrs }),
    ...(alarmEmail !== undefined && { alarmEmail }),
    driftScheduleMinutes: readInteger(context, "driftScheduleMinutes", 15, 1, 1440),
    drillScheduleDays: readInteger(context, "drillScheduleDays", 7, 1, 365),
    drillMaxPerRun: readInteger(context, "drillMaxPerRun", 2, 1, 20),
    ...(githubRepository !== undefined && { githubRepository }),
    ...(githubInstallationId !== undefined && { githubInstallationId }),
    reconcilerEntry: readString(context, "reconcilerEntry") ?? DEFAULT_RECONCILER_ENTRY,
    githubAppEntry: readString(context, "githubAppEntry") ?? DEFAULT_GITHUB_APP_ENTRY,
    driftEntry: readString(context, "driftEntry") ?? DEFAULT_DRIFT_ENTRY,
    dashboardEntry: readString(context, "dashboardEntry") ?? DEFAULT_DASHBOARD_ENTRY,
    ...(domainName !== undefined &&
      cognitoDomainPrefix !== undefined && {
        researcherAccess: {
          domainName,
          cognitoDomainPrefix,
          directoryName: readString(context, "directoryName") ?? "Institution",
          ...(samlMetadataUrl !== undefined && { samlMetadataUrl }),
          ...(oidcIssuer !== undefined &&
            oidcClientId !== undefined &&
            oidcClientSecretArn !== undefined && {
              oidc: {
                issuerUrl: oidcIssuer,
                clientId: oidcClientId,
                clientSecretArn: oidcClientSecretArn,
              },
            }),
          ...(memberAttribute !== undefined && { memberAttribute }),
          secureBrowser,
        },
      }),
  };
}

function readString(context: ContextReader, key: string): string | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new InfraSettingsError(key, "expected a string");
  return value.trim();
}

function readList(context: ContextReader, key: string): string[] | undefined {
  const value = context(key);
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? value.split(",")
      : undefined;
  if (items === undefined || items.some((item) => typeof item !== "string")) {
    throw new InfraSettingsError(key, "expected a comma-separated list");
  }
  return (items as string[]).map((item) => item.trim()).filter((item) => item !== "");
}

function readBoolean(context: ContextReader, key: string): boolean | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new InfraSettingsError(key, "expected true or false");
}

function readInteger(
  context: ContextReader,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  return readOptionalInteger(context, key, min, max) ?? fallback;
}

function readOptionalInteger(
  context: ContextReader,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new InfraSettingsError(key, `expected a whole number from ${min} to ${max}`);
  }
  return number;
}
