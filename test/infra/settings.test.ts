import { describe, expect, it } from "vitest";
import { DEFAULT_LABS, InfraSettingsError, readSettings } from "../../infra/lib/labenv-settings.js";

const context = (values: Record<string, unknown>) => (key: string) => values[key];
const region = { CDK_DEFAULT_REGION: "eu-west-1" };

describe("readSettings", () => {
  it("gives a working installation when nothing is passed but a region", () => {
    const settings = readSettings(context({}), region);
    expect(settings).toMatchObject({
      stackName: "Labenv",
      labs: DEFAULT_LABS,
      region: "eu-west-1",
      vpcEndpoints: true,
      natGateways: 1,
      internetFacing: false,
      driftScheduleMinutes: 15,
      reconcilerEntry: "reconciler/lambda/handler.ts",
      githubAppEntry: "github-app/lambda.ts",
      driftEntry: "reconciler/lambda/drift-handler.ts",
    });
    expect(settings.certificateArn).toBeUndefined();
    expect(settings.githubRepository).toBeUndefined();
    expect(settings.githubInstallationId).toBeUndefined();
    expect(settings.ingressCidrs).toBeUndefined();
  });

  it("reads -c labs=a,b as a trimmed list and accepts a list from cdk.json", () => {
    expect(readSettings(context({ labs: " genomics-core, ml-vision " }), region).labs).toEqual([
      "genomics-core",
      "ml-vision",
    ]);
    expect(readSettings(context({ labs: ["ocean-lab"] }), region).labs).toEqual(["ocean-lab"]);
  });

  it.each([
    [{ labs: "Genomics_Core" }, "labs"],
    [{ labs: "a,a" }, "labs"],
    [{ labs: "," }, "labs"],
    [{ vpcId: "vpc-1" }, "vpcId"],
    [{ certificateArn: "not-an-arn" }, "certificateArn"],
    [{ internetFacing: "true" }, "internetFacing"],
    [{ internetFacing: "yes" }, "internetFacing"],
    [{ natGateways: "0" }, "natGateways"],
    [{ driftScheduleMinutes: "2.5" }, "driftScheduleMinutes"],
    [{ ingressCidrs: "10.0.0.0" }, "ingressCidrs"],
    [{ alarmEmail: "nobody" }, "alarmEmail"],
    [{ githubRepository: "no-slash", githubInstallationId: "1" }, "githubRepository"],
    [{ githubRepository: "owner/name/extra", githubInstallationId: "1" }, "githubRepository"],
    [{ githubRepository: "octo-lab/labenv" }, "githubInstallationId"],
    [{ githubInstallationId: "12345" }, "githubRepository"],
    [{ githubRepository: "octo-lab/labenv", githubInstallationId: "0" }, "githubInstallationId"],
    [{ githubRepository: "octo-lab/labenv", githubInstallationId: "12.5" }, "githubInstallationId"],
  ])("rejects %j naming the key %s", (values, key) => {
    expect(() => readSettings(context(values), region)).toThrow(InfraSettingsError);
    expect(() => readSettings(context(values), region)).toThrow(`context "${key}"`);
  });

  it("refuses to guess a region", () => {
    expect(() => readSettings(context({}), {})).toThrow(/no region/);
    expect(readSettings(context({ region: "us-west-2" }), {}).region).toBe("us-west-2");
  });

  it("needs an account to look up an existing VPC, and then skips endpoints by default", () => {
    expect(() => readSettings(context({ vpcId: "vpc-0123456789abcdef0" }), region)).toThrow(
      /account/,
    );
    const settings = readSettings(context({ vpcId: "vpc-0123456789abcdef0" }), {
      ...region,
      CDK_DEFAULT_ACCOUNT: "111122223333",
    });
    expect(settings.vpcId).toBe("vpc-0123456789abcdef0");
    expect(settings.vpcEndpoints).toBe(false);
  });

  it("makes the load balancer internet-facing with HTTPS only when a certificate is given", () => {
    const certificateArn =
      "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e";
    const open = readSettings(context({ certificateArn }), region);
    expect(open.internetFacing).toBe(true);
    expect(open.ingressCidrs).toEqual(["0.0.0.0/0"]);
    const campus = readSettings(context({ certificateArn, ingressCidrs: "192.0.2.0/24" }), region);
    expect(campus.ingressCidrs).toEqual(["192.0.2.0/24"]);
    expect(
      readSettings(context({ certificateArn, internetFacing: "false" }), region).internetFacing,
    ).toBe(false);
  });

  it("reads the drift Lambda's entry and the repository it reads through the GitHub App", () => {
    const settings = readSettings(
      context({
        driftEntry: "test/infra/fixtures/handler.ts",
        githubRepository: " octo-lab/labenv-environments ",
        githubInstallationId: "12345",
      }),
      region,
    );
    expect(settings).toMatchObject({
      driftEntry: "test/infra/fixtures/handler.ts",
      githubRepository: "octo-lab/labenv-environments",
      githubInstallationId: 12345,
    });
    expect(
      readSettings(
        context({ githubRepository: "octo-lab/labenv", githubInstallationId: 987654321 }),
        region,
      ).githubInstallationId,
    ).toBe(987654321);
  });
});

describe("readSettings: researcher access (issue 17)", () => {
  const CERT =
    "arn:aws:acm:eu-west-1:123456789012:certificate/0f6e4a2c-1b3d-4e5f-8a9b-c0d1e2f3a4b5";
  it("reads the Jupyter name, the sign-in domain, the SAML directory and the portal", () => {
    const s = readSettings(
      context({
        certificateArn: CERT,
        internetFacing: "false",
        jupyterDomainName: "jupyter.westtek.edu",
        cognitoDomainPrefix: "labenv-westtek",
        samlMetadataUrl: "https://idp.westtek.edu/metadata",
        directoryName: "WestTek",
        secureBrowser: "true",
      }),
      region,
    );
    expect(s.researcherAccess).toEqual({
      domainName: "jupyter.westtek.edu",
      cognitoDomainPrefix: "labenv-westtek",
      directoryName: "WestTek",
      samlMetadataUrl: "https://idp.westtek.edu/metadata",
      secureBrowser: true,
    });
    expect(s.internetFacing).toBe(false);
  });

  it("reads an OIDC directory, all three parts or none", () => {
    const oidc = {
      oidcIssuer: "https://login.westtek.edu",
      oidcClientId: "labenv",
      oidcClientSecretArn:
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:labenv/oidc-AbCdEf",
    };
    const s = readSettings(
      context({
        certificateArn: CERT,
        jupyterDomainName: "j.example",
        cognitoDomainPrefix: "x",
        ...oidc,
      }),
      region,
    );
    expect(s.researcherAccess?.oidc).toEqual({
      issuerUrl: oidc.oidcIssuer,
      clientId: "labenv",
      clientSecretArn: oidc.oidcClientSecretArn,
    });
    expect(() =>
      readSettings(
        context({
          certificateArn: CERT,
          jupyterDomainName: "j.example",
          cognitoDomainPrefix: "x",
          oidcIssuer: oidc.oidcIssuer,
        }),
        region,
      ),
    ).toThrow(/needs -c oidcIssuer=…, -c oidcClientId=… and -c oidcClientSecretArn=…/);
  });

  it.each([
    [{ jupyterDomainName: "j.example" }, /cognitoDomainPrefix.*needs both/],
    [{ jupyterDomainName: "j.example", cognitoDomainPrefix: "x" }, /needs -c certificateArn/],
    [
      {
        certificateArn: CERT,
        jupyterDomainName: "j.example",
        cognitoDomainPrefix: "x",
        secureBrowser: "true",
      },
      /SAML directory/,
    ],
    [
      { certificateArn: CERT, jupyterDomainName: "j.example", cognitoDomainPrefix: "Not_Valid" },
      /not a domain prefix/,
    ],
  ])("refuses %o", (values, message) => {
    expect(() => readSettings(context(values), region)).toThrow(InfraSettingsError);
    expect(() => readSettings(context(values), region)).toThrow(message);
  });
});
