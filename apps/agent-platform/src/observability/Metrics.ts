type Labels = Record<string, string>;

const key = (labels: Labels): string =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',');

const HISTOGRAM_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** Counters, gauges and one histogram kind, rendered in the Prometheus text format. */
export class Metrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly gauges = new Map<
    string,
    { help: string; read: () => Array<[Labels, number]> }
  >();
  private readonly histograms = new Map<
    string,
    { help: string; counts: number[]; sum: number; count: number }
  >();

  inc(name: string, help: string, labels: Labels = {}, by = 1): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = { help, values: new Map() };
      this.counters.set(name, counter);
    }
    const k = key(labels);
    counter.values.set(k, (counter.values.get(k) ?? 0) + by);
  }

  /** A gauge read when scraped. */
  gauge(name: string, help: string, read: () => Array<[Labels, number]>): void {
    this.gauges.set(name, { help, read });
  }

  observe(name: string, help: string, value: number): void {
    let h = this.histograms.get(name);
    if (!h) {
      h = { help, counts: HISTOGRAM_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.histograms.set(name, h);
    }
    HISTOGRAM_BUCKETS.forEach((bound, i) => {
      if (value <= bound) h.counts[i] = (h.counts[i] ?? 0) + 1;
    });
    h.sum += value;
    h.count += 1;
  }

  counterValue(name: string, labels: Labels = {}): number {
    return this.counters.get(name)?.values.get(key(labels)) ?? 0;
  }

  render(): string {
    const lines: string[] = [];
    const fmt = (name: string, k: string, v: number): string => `${name}${k ? `{${k}}` : ''} ${v}`;
    for (const [name, c] of this.counters) {
      lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      for (const [k, v] of c.values) lines.push(fmt(name, k, v));
    }
    for (const [name, g] of this.gauges) {
      lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
      for (const [labels, v] of g.read()) lines.push(fmt(name, key(labels), v));
    }
    for (const [name, h] of this.histograms) {
      lines.push(`# HELP ${name} ${h.help}`, `# TYPE ${name} histogram`);
      HISTOGRAM_BUCKETS.forEach((bound, i) =>
        lines.push(`${name}_bucket{le="${bound}"} ${h.counts[i] ?? 0}`),
      );
      lines.push(
        `${name}_bucket{le="+Inf"} ${h.count}`,
        `${name}_sum ${h.sum}`,
        `${name}_count ${h.count}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
