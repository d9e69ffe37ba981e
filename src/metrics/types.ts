export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
}

export interface MetricFamily {
  name: string;
  type: MetricType;
  help?: string;
  samples: Sample[];
}

export interface ParseError {
  /** 1-based line number in the scraped text. */
  line: number;
  message: string;
}

export interface Exposition {
  families: Map<string, MetricFamily>;
  samples: Sample[];
  /** Lines that could not be read; every other line still counts. */
  errors: ParseError[];
}
