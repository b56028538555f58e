import type { PriceTable } from "./prices.js";

export interface CostInputs {
  cpu: number;
  memory: number;
  storageGiB: number;
  running: boolean;
  /** Expected running hours per week (idle shutdown makes this less than 168). */
  hoursPerWeek: number;
}

export const WEEKS_PER_MONTH = 52 / 12;

/** Monthly cost of one environment: Fargate while it runs, its EBS volume always (snapshots not counted). */
export function monthlyCost(c: CostInputs, prices: PriceTable): number {
  const hours = c.running ? Math.min(168, Math.max(0, c.hoursPerWeek)) * WEEKS_PER_MONTH : 0;
  const compute =
    hours * ((c.cpu / 1024) * prices.fargateVcpuHour + (c.memory / 1024) * prices.fargateGbHour);
  const storage = c.storageGiB * prices.ebsGp3GbMonth;
  return Math.round((compute + storage) * 100) / 100;
}

export function formatUsd(n: number): string {
  return `$${n.toFixed(2)}`;
}

export function formatDelta(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? "±$0.00" : `${r > 0 ? "+" : "-"}$${Math.abs(r).toFixed(2)}`;
}
