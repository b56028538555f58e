/**
 * List prices labenv uses for cost estimates (USD, Linux/x86 Fargate on demand,
 * EBS gp3, EFS Standard). Checked-in so estimates are reproducible; update the
 * table and its date when AWS changes prices.
 */
export interface PriceTable {
  region: string;
  asOf: string;
  fargateVcpuHour: number;
  fargateGbHour: number;
  ebsGp3GbMonth: number;
  efsStandardGbMonth: number;
}

export const PRICES: Record<string, PriceTable> = {
  "us-east-1": {
    region: "us-east-1",
    asOf: "2025-01",
    fargateVcpuHour: 0.04048,
    fargateGbHour: 0.004445,
    ebsGp3GbMonth: 0.08,
    efsStandardGbMonth: 0.3,
  },
  "eu-west-1": {
    region: "eu-west-1",
    asOf: "2025-01",
    fargateVcpuHour: 0.04048,
    fargateGbHour: 0.004445,
    ebsGp3GbMonth: 0.088,
    efsStandardGbMonth: 0.33,
  },
  "eu-central-1": {
    region: "eu-central-1",
    asOf: "2025-01",
    fargateVcpuHour: 0.04656,
    fargateGbHour: 0.00511,
    ebsGp3GbMonth: 0.0952,
    efsStandardGbMonth: 0.36,
  },
};

export function pricesFor(region: string | undefined): PriceTable {
  return PRICES[region ?? "eu-west-1"] ?? PRICES["eu-west-1"]!;
}
