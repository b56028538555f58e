// Settings (from the cdk context) → LabenvStack props: the one place the
// command line meets the stack, shared by bin/labenv.ts and the tests.
import type { LabenvSettings } from "./labenv-settings.js";
import type { LabenvStackProps } from "./labenv-stack.js";

export function labenvStackProps(settings: LabenvSettings): LabenvStackProps {
  return {
    env: { region: settings.region, ...(settings.account !== undefined && { account: settings.account }) },
    description: "labenv control plane: network, research storage, state, compute, reconciler and GitHub App",
    labs: settings.labs,
    reconcilerEntry: settings.reconcilerEntry,
    githubAppEntry: settings.githubAppEntry,
    vpcEndpoints: settings.vpcEndpoints,
    natGateways: settings.natGateways,
    internetFacing: settings.internetFacing,
    driftScheduleMinutes: settings.driftScheduleMinutes,
    ...(settings.vpcId !== undefined && { vpcId: settings.vpcId }),
    ...(settings.certificateArn !== undefined && { certificateArn: settings.certificateArn }),
    ...(settings.ingressCidrs !== undefined && { ingressCidrs: settings.ingressCidrs }),
    ...(settings.alarmEmail !== undefined && { alarmEmail: settings.alarmEmail }),
  };
}
