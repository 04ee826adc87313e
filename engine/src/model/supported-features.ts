import type { ElementModel } from './process-model.ts';

/**
 * Features that Zeebe 8.3 supports but this engine's runtime does not run
 * yet. Deploying them is rejected with the element id, so a process never
 * misbehaves at run time. Remove entries as the runtime learns them.
 */
export function unsupportedFeature(element: ElementModel, scope: ElementModel | undefined): string | undefined {
  const event = element.event.kind;
  const notYet = (what: string) => `${what} are not supported by this engine yet`;
  if (element.multiInstance) return notYet('multi-instance activities');
  if (element.kind === 'callActivity') return notYet('call activities');
  if (element.kind === 'eventSubProcess') return notYet('event sub-processes');
  if (event === 'signal') return notYet('signal events');
  if (event === 'escalation') return notYet('escalation events');
  if (element.kind === 'startEvent' && scope?.kind === 'process' && event !== 'none') return notYet(`${event} start events`);
  return undefined;
}
