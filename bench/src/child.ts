// One measured run in a fresh process, so CPU and peak RSS belong to one contender alone.
import { loadContender } from './contenders/loadContender.js';
import type { ChildResult, ChildSpec } from './harness/ChildSpec.js';
import { WORKLOADS } from './workloads/registry.js';

const spec = JSON.parse(process.argv[2] ?? '') as ChildSpec;
const importStart = performance.now();
const contender = await loadContender(spec.contender, spec.needs);
const importMs = performance.now() - importStart;
const workload = WORKLOADS[spec.workload];
(globalThis as { gc?: () => void }).gc?.();
const cpu = process.cpuUsage();
const output = await workload({
  contender,
  cliPath: spec.cliPath,
  reportPath: spec.reportPath,
  params: spec.params,
});
const used = process.cpuUsage(cpu);
const result: ChildResult = {
  ...output,
  values: { ...output.values, importMs },
  cpuMs: output.cpuMs ?? (used.user + used.system) / 1000,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
};
process.send?.(result, () => process.exit(0));
