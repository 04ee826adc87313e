import type { ElementModel } from './process-model.ts';

/**
 * Features that Zeebe 8.3 supports but this engine's runtime does not run
 * yet. Deploying them is rejected with the element id, so a process never
 * misbehaves at run time. Remove entries as the runtime learns them.
 */
export function unsupportedFeature(element: ElementModel): string | undefined {
  if (element.multiInstance && element.kind === 'eventSubProcess')
    return 'an event sub-process cannot be multi-instance';
  return undefined;
}
