import { describe, expect, it } from 'vitest';
import { parseExposition } from '../src/metrics/exposition-parser';

const API_SCRAPE = `# HELP http_requests_total Total requests.
# TYPE http_requests_total counter
http_requests_total{handler="/predict",method="POST",status="2xx"} 1027 1395066363000
http_requests_total{handler="/predict",method="POST",status="5xx"} 3
# a free comment
# HELP http_request_duration_seconds Latency with "quotes" and a \\\\ backslash\\nand a newline.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.05"} 24054
http_request_duration_seconds_bucket{le="0.1"} 33444
http_request_duration_seconds_bucket{le="+Inf"} 144320
http_request_duration_seconds_sum 53423
http_request_duration_seconds_count 144320

model_loaded 1
weird_values{path="C:\\\\DIR\\\\",msg="say \\"hi\\"\\nbye",} NaN
neg_inf -Inf
pos_inf +Inf
sci 1.5e-3
`;

describe('Prometheus text exposition parser', () => {
  const parsed = parseExposition(API_SCRAPE);

  it('reads every sample, with labels, values and optional timestamps', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.samples).toHaveLength(12);
    expect(parsed.samples[0]).toEqual({
      name: 'http_requests_total', labels: { handler: '/predict', method: 'POST', status: '2xx' }, value: 1027, timestampMs: 1395066363000,
    });
    expect(parsed.samples[1].timestampMs).toBeUndefined();
  });

  it('groups histogram series under their family with HELP and TYPE', () => {
    const histogram = parsed.families.get('http_request_duration_seconds')!;
    expect(histogram.type).toBe('histogram');
    expect(histogram.help).toBe('Latency with "quotes" and a \\ backslash\nand a newline.');
    expect(histogram.samples.map((s) => s.name)).toEqual([
      'http_request_duration_seconds_bucket', 'http_request_duration_seconds_bucket', 'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_sum', 'http_request_duration_seconds_count',
    ]);
    expect(parsed.families.get('http_requests_total')?.type).toBe('counter');
    expect(parsed.families.get('model_loaded')?.type).toBe('untyped');
  });

  it('unescapes label values and reads NaN, +Inf, -Inf and exponents', () => {
    const weird = parsed.samples.find((s) => s.name === 'weird_values')!;
    expect(weird.labels).toEqual({ path: 'C:\\DIR\\', msg: 'say "hi"\nbye' });
    expect(weird.value).toBeNaN();
    expect(parsed.samples.find((s) => s.name === 'neg_inf')?.value).toBe(-Infinity);
    expect(parsed.samples.find((s) => s.name === 'pos_inf')?.value).toBe(Infinity);
    expect(parsed.samples.find((s) => s.name === 'sci')?.value).toBe(0.0015);
  });

  it('reports malformed lines with their line numbers and keeps the rest', () => {
    const text = [
      '# TYPE up gauge',                                  // 1
      'up 1',                                             // 2
      'up{job="api" 1',                                   // 3 missing "}" / ","
      'broken_value{a="b"} twelve',                      // 4
      'no_value',                                         // 5
      '{a="b"} 1',                                        // 6
      'bad_escape{a="\\t"} 1',                           // 7
      'dup{a="1",a="2"} 1',                               // 8
      'unclosed{a="b} 1',                                 // 9
      '# TYPE up counter',                                // 10
      '# TYPE thing sometype',                            // 11
      'good_after_errors{a="b"} 2 17 extra',              // 12
      'good 3',                                           // 13
      '# TYPE h histogram',                               // 14
      'h_bucket{x="y"} 4',                                // 15
      'h_bucket{le="abc"} 4',                             // 16
      'stamp 1 12.5',                                     // 17
    ].join('\n');
    const result = parseExposition(text);
    expect(result.samples.map((s) => s.name)).toEqual(['up', 'good']);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17]);
    const messages = result.errors.map((e) => e.message);
    expect(messages[0]).toBe('line 3: expected "," or "}" after the value of label "job", found "1"');
    expect(messages[1]).toBe('line 4: the value "twelve" of broken_value is not a number');
    expect(messages[2]).toBe('line 5: no value for no_value');
    expect(messages[3]).toMatch(/^line 6: expected a metric name at column 1/);
    expect(messages[4]).toBe('line 7: invalid escape "\\t" in the value of label "a"');
    expect(messages[5]).toBe('line 8: label "a" appears twice');
    expect(messages[6]).toBe('line 9: the value of label "a" has no closing quote');
    expect(messages[7]).toBe('line 10: TYPE for up comes after its samples');
    expect(messages[8]).toBe('line 11: unknown metric type "sometype" for thing');
    expect(messages[9]).toBe('line 12: unexpected text after the value of good_after_errors');
    expect(messages[10]).toBe('line 15: histogram bucket h_bucket has no "le" label');
    expect(messages[11]).toBe('line 16: le="abc" of h_bucket is not a number');
    expect(messages[12]).toBe('line 17: the timestamp "12.5" of stamp is not whole milliseconds');
  });

  it('accepts CRLF line ends, blank lines and leading spaces', () => {
    const result = parseExposition('\r\n  # TYPE a gauge\r\n  a{b="c"}   5\r\n\r\n');
    expect(result.errors).toEqual([]);
    expect(result.samples).toEqual([{ name: 'a', labels: { b: 'c' }, value: 5 }]);
  });
});
