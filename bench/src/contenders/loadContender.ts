import type { Contender, ContenderName, ContenderNeeds } from './Contender.js';

/**
 * Import one contender only, so a measuring process holds no other contender's code, and the
 * tool-server code (MCP SDK, Zod) or the replay code only when the workload needs it.
 */
export async function loadContender(
  name: ContenderName,
  needs: ContenderNeeds,
): Promise<Contender> {
  switch (name) {
    case 'agentsdk':
      return (await import('./agentsdk.js')).createAgentsdk(needs);
    case 'agentsdk-core':
      return (await import('./agentsdkCore.js')).agentsdkCore;
    case 'official':
      return (await import('./official.js')).createOfficial(needs.calc);
    case 'raw':
      return (await import('./raw.js')).raw;
    case 'pipe':
      return (await import('./pipe.js')).pipe;
  }
}
