export {
  modelEnvironment,
  type ModelEnvironment,
  type ModelEnvironmentOptions,
} from './modelEnvironment.js';
export { say, useTool } from './turns.js';
export { printMessage, resultContent } from './printMessage.js';
export { inputLines } from './inputLines.js';
