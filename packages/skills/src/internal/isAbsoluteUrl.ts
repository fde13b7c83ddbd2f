/** True when `value` parses as an absolute URL (`https://host/path`, `http://127.0.0.1:3000`). */
export function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
