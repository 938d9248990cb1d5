/** The two ways the build keeps values in maps: worked out once per key, and gathered into a list per key. */

/** A `Map` or a `WeakMap`. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
  has(key: K): boolean;
}

/** The value kept for `key`, worked out by `compute` the first time it is asked for (`undefined` is kept too). */
export function cached<K, V>(store: Store<K, V>, key: K, compute: () => V): V {
  if (store.has(key)) return store.get(key) as V;
  const value = compute();
  store.set(key, value);
  return value;
}

/** Adds `value` to the list kept for `key`, starting the list if there is none. */
export function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
