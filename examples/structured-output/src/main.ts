import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query, structuredOutput, type SDKResultMessage } from '@agentsdk/core';
import { modelEnvironment, useTool } from '@agentsdk/examples-shared';
import { z } from 'zod';

// With an output schema the CLI gives the model a `StructuredOutput` tool; calling it ends the
// turn, and the CLI validates the input against the schema before putting it in the result.
const answer = (input: Record<string, unknown>) => useTool('StructuredOutput', input);
await using model = await modelEnvironment([
  useTool('Bash', { command: "find . -name '*.py'", description: 'Find Python files' }),
  answer({ file_count: 3, has_tests: true }),
  answer({
    analysis: { word_count: 4, character_count: 19 },
    words: ['the', 'quick', 'brown', 'fox'],
  }),
  useTool('Read', { file_path: 'tests/test_app.py' }),
  answer({ test_framework: 'pytest', test_count: 2 }),
]);
const cwd = model.workspace('project');
mkdirSync(join(cwd, 'tests'));
writeFileSync(join(cwd, 'app.py'), 'def main():\n    return 0\n');
writeFileSync(join(cwd, 'util.py'), 'def helper():\n    return 1\n');
writeFileSync(
  join(cwd, 'tests', 'test_app.py'),
  'import pytest\n\ndef test_main():\n    assert True\n\ndef test_helper():\n    assert True\n',
);

/** Run one prompt and return its result message. */
async function ask(prompt: string, schema: Record<string, unknown>): Promise<SDKResultMessage> {
  let result: SDKResultMessage | undefined;
  for await (const message of query({
    prompt,
    options: { outputFormat: { type: 'json_schema', schema }, cwd, env: model.env },
  }))
    if (message.type === 'result') result = message;
  if (!result) throw new Error('the session ended without a result');
  return result;
}

// #region simple
const simple = {
  type: 'object',
  properties: { file_count: { type: 'number' }, has_tests: { type: 'boolean' } },
  required: ['file_count', 'has_tests'],
};
const files = structuredOutput<{ file_count: number; has_tests: boolean }>(
  await ask('Count the Python files here. Are there tests?', simple),
);
console.log(`simple › files: ${files?.file_count}, has tests: ${files?.has_tests}`);
// #endregion simple

// #region nested
const nested = {
  type: 'object',
  properties: {
    analysis: {
      type: 'object',
      properties: { word_count: { type: 'number' }, character_count: { type: 'number' } },
      required: ['word_count', 'character_count'],
    },
    words: { type: 'array', items: { type: 'string' } },
  },
  required: ['analysis', 'words'],
};
const text = structuredOutput<{
  analysis: { word_count: number; character_count: number };
  words: string[];
}>(await ask('Analyse the text "the quick brown fox".', nested));
console.log(
  `nested › ${text?.analysis.word_count} words, ${text?.analysis.character_count} characters: ${text?.words.join(' ')}`,
);
// #endregion nested

// #region enum
// A Zod schema gives both the JSON Schema for the CLI and a typed, validated result. The CLI
// ignores a schema that declares draft 2020-12 (Zod's default), so ask Zod for draft 7.
const TestInfo = z.object({
  test_framework: z.enum(['pytest', 'unittest', 'nose', 'unknown']),
  test_count: z.number().int().optional(),
});
const schema = z.toJSONSchema(TestInfo, { target: 'draft-7' });
const result = await ask('Which test framework does this project use?', schema);
const tests = TestInfo.parse(structuredOutput(result)); // typed: { test_framework: 'pytest' | … }
console.log(`enum   › framework: ${tests.test_framework}, tests: ${tests.test_count ?? '?'}`);
// #endregion enum
