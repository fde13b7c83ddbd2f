import { type Io } from '../util/io.js';
import { runCreate } from './create.js';
import { handleError } from './handleError.js';

/** `create-agent-tool …`: returns the exit code, never throws. */
export async function runCreateAgentTool(args: string[], io: Io): Promise<number> {
  try {
    return await runCreate(args, io);
  } catch (error) {
    return handleError(error, io);
  }
}
