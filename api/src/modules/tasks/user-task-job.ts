/**
 * Reading a job-based user task (`io.camunda.zeebe:userTask`) job: its
 * reserved headers and the variables the api cares about. Pure: the bridge
 * does the I/O.
 */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

const PREFIX = 'io.camunda.zeebe:';

export interface UserTaskJobFields {
  formKey: string | null;
  candidateGroups: string[];
  assignee: string | null;
  dueDate: Date | null;
  applicationId: string | null;
  bundleKey: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function userTaskJobFields(
  headers: Readonly<Record<string, unknown>>,
  variables: Readonly<Record<string, unknown>>,
): UserTaskJobFields {
  const header = (name: string) => {
    const value = headers[`${PREFIX}${name}`];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const applicationId = variables.applicationId;
  const bundleKey = variables.bundleKey;
  return {
    formKey: header('formKey'),
    candidateGroups: stringList(header('candidateGroups')),
    assignee: header('assignee'),
    dueDate: date(header('dueDate')),
    applicationId: typeof applicationId === 'string' && UUID.test(applicationId) ? applicationId : null,
    bundleKey: typeof bundleKey === 'string' ? bundleKey : null,
  };
}

/** The engine writes candidate groups as a JSON list; a comma-separated list is read too. */
function stringList(value: string | null): string[] {
  if (value === null) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.filter((item): item is string => typeof item === 'string');
  } catch {
    // not JSON: fall through to the comma-separated form
  }
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function date(value: string | null): Date | null {
  if (value === null) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** User task names by element id, read from a catalogue BPMN file (trusted content of processes/). */
export function userTaskNames(bpmnXml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of bpmnXml.matchAll(/<bpmn:userTask\s+id="([^"]+)"\s+name="([^"]*)"/g)) {
    const [, id, name] = match;
    if (id !== undefined && name !== undefined) names.set(id, decodeXml(name));
  }
  return names;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
