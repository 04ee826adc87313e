/**
 * A min-heap of due work (timers, job deadlines and backoffs, message expiry)
 * with lazy deletion: an entry is checked against the current state when it
 * comes due, so cancelling needs no heap surgery.
 */
export type DueKind = 'timer' | 'jobDeadline' | 'jobBackoff' | 'messageExpiry';

export interface DueEntry {
  readonly at: number;
  readonly kind: DueKind;
  readonly key: number;
}

export class DueQueue {
  private readonly heap: DueEntry[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(entry: DueEntry): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentEntry = heap[parent];
      if (!parentEntry || parentEntry.at <= entry.at) break;
      heap[index] = parentEntry;
      heap[parent] = entry;
      index = parent;
    }
  }

  peekAt(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns every entry due at or before `now`. */
  popDue(now: number): DueEntry[] {
    const due: DueEntry[] = [];
    while (this.heap.length > 0 && (this.heap[0]?.at ?? Infinity) <= now) {
      const top = this.pop();
      if (top) due.push(top);
    }
    return due;
  }

  private pop(): DueEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if ((heap[left]?.at ?? Infinity) < (heap[smallest]?.at ?? Infinity)) smallest = left;
      if ((heap[right]?.at ?? Infinity) < (heap[smallest]?.at ?? Infinity)) smallest = right;
      if (smallest === index) break;
      const swap = heap[smallest];
      if (!swap) break;
      heap[smallest] = last;
      heap[index] = swap;
      index = smallest;
    }
    return top;
  }
}
