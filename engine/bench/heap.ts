/**
 * Heap (KB) that `count` instances keep alive: full GC, heap used, `fill`
 * (which leaves the instances waiting), full GC again, divided by `count`.
 * Needs `--expose-gc`; what `fill` itself keeps (a result list) counts too,
 * so it should keep nothing.
 */
export async function heapPerInstanceKb(count: number, fill: () => Promise<void>): Promise<number> {
  const before = await settledHeap();
  await fill();
  const after = await settledHeap();
  return (after - before) / count / 1024;
}

async function settledHeap(): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run the bench with --expose-gc (pnpm bench does)');
  // Let pending callbacks and timers release what they hold, then collect twice (weak refs, finalizers).
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return process.memoryUsage().heapUsed;
}
