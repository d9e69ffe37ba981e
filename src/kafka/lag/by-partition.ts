// topic → partition → value. Nested rather than keyed by a "topic/partition" string: a lag poll
// can carry 100,000 group-partitions, and building and hashing those strings cost more than the
// poll's I/O.
export type ByPartition<V> = Map<string, Map<number, V>>;

/** The partitions of `topic`, created empty when first asked for. */
export function partitionsOf<V>(map: ByPartition<V>, topic: string): Map<number, V> {
  let byNumber = map.get(topic);
  if (!byNumber) map.set(topic, byNumber = new Map());
  return byNumber;
}

/** The value at (topic, partition), made by `create` when there is none. */
export function slot<V>(map: ByPartition<V>, topic: string, partition: number, create: () => V): V {
  const byNumber = partitionsOf(map, topic);
  let value = byNumber.get(partition);
  if (value === undefined) byNumber.set(partition, value = create());
  return value;
}

/** Drops the values `keep` rejects, and topics left empty. */
export function prune<V>(map: ByPartition<V>, keep: (value: V) => boolean): void {
  // forEach rather than for-of: no [key, value] pair is made for each of up to 100,000 entries.
  map.forEach((byNumber, topic) => {
    byNumber.forEach((value, partition) => { if (!keep(value)) byNumber.delete(partition); });
    if (byNumber.size === 0) map.delete(topic);
  });
}
