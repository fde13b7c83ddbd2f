import type { ContenderName, ContenderNeeds } from '../contenders/Contender.js';
import type { WorkloadId } from '../workloads/registry.js';
import type { RunOutput, WorkloadParams } from '../workloads/Workload.js';

/** What the orchestrator asks one measuring process to do. */
export interface ChildSpec {
  workload: WorkloadId;
  contender: ContenderName;
  params: WorkloadParams;
  needs: ContenderNeeds;
  cliPath: string;
  reportPath: string;
}

/** What a measuring process sends back when it survives its run. */
export interface ChildResult extends RunOutput {
  cpuMs: number;
  /** `process.resourceUsage().maxRSS`, in MiB: the whole life of the measuring process. */
  maxRssMiB: number;
}
