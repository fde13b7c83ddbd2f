/** One validation problem: where (a path into the value) and what. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** `["items", 0, "name"]` → `items[0].name`; the empty path is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${String(key)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Bullet lines, one per issue: `- a: Invalid input: expected number, received string`. */
export function formatIssues(issues: readonly SchemaIssue[]): string {
  return issues.map((issue) => `- ${formatPath(issue.path)}: ${issue.message}`).join('\n');
}
