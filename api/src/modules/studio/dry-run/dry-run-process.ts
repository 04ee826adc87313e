/**
 * A dry run deploys the draft under a process id of its own, so that the
 * catalogue's definition (what applications start) never changes and the
 * user-task bridge can tell a dry run's jobs from real work by the job's
 * `bpmnProcessId` alone, on the embedded engine as on a Zeebe cluster.
 */
export const DRY_RUN_SUFFIX = '__dryrun';

export function dryRunProcessId(processId: string): string {
  return `${processId}${DRY_RUN_SUFFIX}`;
}

export function isDryRunProcess(bpmnProcessId: string): boolean {
  return bpmnProcessId.endsWith(DRY_RUN_SUFFIX);
}

/** The engine's resource name of a bundle's dry-run deployment. */
export function dryRunResourceName(bundleKey: string): string {
  return `${bundleKey}${DRY_RUN_SUFFIX}.bpmn`;
}

/**
 * The draft's BPMN with its process renamed to the dry-run id: the process's
 * `id`, and the references to it (the diagram plane's `bpmnElement`, a
 * participant's `processRef`). Element ids stay, so the diagram's overlays
 * and the task forms match the draft's. The draft passed the publish checks
 * (no DOCTYPE, one process with that id), so a textual rename is exact.
 */
export function dryRunBpmn(bpmn: string, processId: string): string {
  const quoted = escapeRegExp(processId);
  const reference = new RegExp(`(\\s(?:id|bpmnElement|processRef)\\s*=\\s*)(["'])${quoted}\\2`, 'g');
  return bpmn.replace(reference, (_match, attribute: string, quote: string) => {
    return `${attribute}${quote}${dryRunProcessId(processId)}${quote}`;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
