/**
 * The cpu/memory combinations Fargate offers (Linux tasks): for each cpu value
 * (1024 units = 1 vCPU), the smallest and largest memory in MiB and the step.
 */
export const FARGATE_SIZES: Record<
  number,
  { min: number; max: number; step: number; list?: number[] }
> = {
  256: { min: 512, max: 2048, step: 512, list: [512, 1024, 2048] },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

/** Whether Fargate runs a task with this cpu and memory. */
export function isFargateSize(cpu: number, memory: number): boolean {
  const s = FARGATE_SIZES[cpu];
  if (!s) return false;
  if (s.list) return s.list.includes(memory);
  return memory >= s.min && memory <= s.max && (memory - s.min) % s.step === 0;
}

/** `2048–8192` (in steps of 1024), for messages. */
export function allowedMemory(cpu: number): string {
  const s = FARGATE_SIZES[cpu];
  if (!s) return `cpu must be one of ${Object.keys(FARGATE_SIZES).join(", ")}`;
  if (s.list) return s.list.join(", ");
  return `${s.min}–${s.max} in steps of ${s.step}`;
}
