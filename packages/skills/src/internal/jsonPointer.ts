/** Append reference tokens to an RFC 6901 JSON pointer. */
export function pointer(base: string, ...tokens: Array<string | number>): string {
  return (
    base + tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
  );
}
