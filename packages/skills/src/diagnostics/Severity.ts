/** `error`: the file is invalid. `warning`: it loads, but something is likely wrong (a lint). */
export type Severity = 'error' | 'warning';
