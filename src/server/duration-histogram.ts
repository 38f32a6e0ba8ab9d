/**
 * `http_request_duration_seconds`, a Prometheus histogram whose series can be bound once and
 * then fed with plain arithmetic. prom-client's Histogram hashes and validates the label set on
 * every observation, even through `labels()`; that cost a warm answer replayed by the fast path
 * (a few microseconds in all) about as much as the rest of Folio's work on it. Registered with
 * prom-client's Registry as a custom metric (`get()` in prom-client's shape), so /metrics shows
 * it exactly as before.
 */
import type { Registry } from 'prom-client';

/** One label set's counts; `observe` is what a hot path calls. */
export class DurationSeries {
  /** Per bucket, not cumulative (made cumulative when scraped). */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length);
  }

  observe(seconds: number): void {
    this.sum += seconds;
    this.count++;
    const { bounds } = this;
    for (let i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]!) {
        this.counts[i]!++;
        return;
      }
    }
  }
}

interface Options {
  name: string;
  help: string;
  labelNames: readonly string[];
  /** Upper bounds in seconds, ascending; +Inf is implied. */
  buckets: readonly number[];
  registers: Registry[];
}

export class DurationHistogram {
  readonly name: string;
  readonly help: string;
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #labelNames: readonly string[];
  readonly #bounds: readonly number[];
  readonly #series = new Map<string, DurationSeries>();

  constructor(options: Options) {
    this.name = options.name;
    this.help = options.help;
    this.#labelNames = options.labelNames;
    this.#bounds = [...options.buckets].sort((a, b) => a - b);
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** The series of a label set, made on first use; keep it to observe without look-ups. */
  series(labels: Readonly<Record<string, string>>): DurationSeries {
    let key = '';
    for (const name of this.#labelNames) key += `${labels[name] ?? ''}\n`;
    let series = this.#series.get(key);
    if (!series) {
      const own: Record<string, string> = Object.create(null);
      for (const name of this.#labelNames) if (labels[name] !== undefined) own[name] = labels[name]!;
      this.#series.set(key, (series = new DurationSeries(own, this.#bounds)));
    }
    return series;
  }

  observe(labels: Readonly<Record<string, string>>, seconds: number): void {
    this.series(labels).observe(seconds);
  }

  reset(): void {
    this.#series.clear();
  }

  /** prom-client's shape: cumulative `_bucket` values with `le`, then `_sum` and `_count`. */
  async get() {
    const values: Array<{ labels: Record<string, string | number>; value: number; metricName: string }> = [];
    for (const series of this.#series.values()) {
      let cumulative = 0;
      this.#bounds.forEach((le, i) => {
        cumulative += series.counts[i]!;
        values.push({ labels: { ...series.labels, le }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { ...series.labels, le: '+Inf' }, value: series.count, metricName: `${this.name}_bucket` });
      values.push({ labels: { ...series.labels }, value: series.sum, metricName: `${this.name}_sum` });
      values.push({ labels: { ...series.labels }, value: series.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}
