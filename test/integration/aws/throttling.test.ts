// Throttling: 30% of all calls answered with ThrottlingException /
// RequestLimitExceeded by a proxy in front of moto. The SDK's adaptive retry
// (the provider's own setting, 8 attempts) must still converge. This runs the
// real retry middleware; aws-sdk-client-mock stubs `send` and would skip it.
import { afterEach, describe, expect, it } from "vitest";
import { createAwsClients, sdkClientSettings } from "../../../reconciler/adapters/aws/aws-clients.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { applyAll, createAction, environmentResources } from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { CREDENTIALS, REGION, testClients, warmUpMoto } from "./aws-test-clients.js";
import { startThrottlingProxy, type ThrottlingProxy } from "./throttling-proxy.js";

const moto = useMoto({ warmUp: warmUpMoto });

describe("throttling on 30% of calls", () => {
  let proxy: ThrottlingProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
  });

  // Adaptive retry also slows the client down after each throttle (down to 0.5 requests/s): ~20 calls take ~20 s here.
  it("still creates an environment and observes it exactly", { timeout: 120_000 }, async () => {
    const config = await createAccountFixtures(testClients(moto.endpoint), moto.endpoint);
    proxy = await startThrottlingProxy(moto.endpoint, 0.3);
    const throttledConfig = { ...config, endpoint: proxy.endpoint, credentials: CREDENTIALS, region: REGION };
    expect(sdkClientSettings(throttledConfig)).toMatchObject({ retryMode: "adaptive", maxAttempts: 8 });
    const provider = new AwsProvider(throttledConfig, createAwsClients(throttledConfig));

    const desired = environmentResources({ lab: "genomics-core", env: "rnaseq", uid: 20001, gid: 5001, subnets: config.subnets, securityGroups: config.securityGroups }).all;
    const ids = await applyAll(provider, desired.map(createAction));
    const observed = await provider.observe();

    expect(proxy.throttled).toBeGreaterThanOrEqual(3);
    expect(observed.resources.map((r) => r.id).sort()).toEqual([...ids.values()].sort());
    expect(plan({ environments: [], resources: desired }, observed, { maxDeletes: 5 }).summary).toMatchObject({ unchanged: desired.length });
  });
});
