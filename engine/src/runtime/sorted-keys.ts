/** Ascending key sets backed by arrays: activation takes the oldest jobs first. */
export function insertSorted(keys: number[], key: number): void {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((keys[middle] ?? Infinity) < key) low = middle + 1;
    else high = middle;
  }
  if (keys[low] !== key) keys.splice(low, 0, key);
}

export function removeSorted(keys: number[], key: number): void {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((keys[middle] ?? Infinity) < key) low = middle + 1;
    else high = middle;
  }
  if (keys[low] === key) keys.splice(low, 1);
}
