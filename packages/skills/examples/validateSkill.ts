// #region validate-skill
import { formatDiagnostic, validateSkill } from '../src/index.js';

const source = `---
name: PDF_Tools
description: Extracts text from PDF files.
allowed-tools: Read Bash(pdftotext:*)
version: 1.0
---
See [the reference](reference.md).
`;

export const result = validateSkill(source, {
  file: 'skills/pdf-tools/SKILL.md',
  directoryName: 'pdf-tools', // name must equal the folder's
  files: new Map([['SKILL.md', source]]), // the folder's files, for link checks
});
for (const diagnostic of result.diagnostics) console.log(formatDiagnostic(diagnostic));
// #endregion validate-skill
