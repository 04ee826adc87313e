import { escapeXml } from './diagram.ts';

// Zeebe extension elements as XML snippets (Zeebe 8.3, job-based user tasks).

export function taskDefinition(type: string, retries = 3): string {
  return `<zeebe:taskDefinition type="${escapeXml(type)}" retries="${retries}" />`;
}

export function taskHeaders(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(
    ([key, value]) => `  <zeebe:header key="${escapeXml(key)}" value="${escapeXml(value)}" />`,
  );
  return `<zeebe:taskHeaders>\n${lines.join('\n')}\n</zeebe:taskHeaders>`;
}

/** Inputs and outputs as [target, FEEL source] pairs. */
export function ioMapping(inputs: [string, string][], outputs: [string, string][] = []): string {
  const lines = [
    ...inputs.map(([target, source]) => `  <zeebe:input source="${escapeXml(source)}" target="${target}" />`),
    ...outputs.map(
      ([target, source]) => `  <zeebe:output source="${escapeXml(source)}" target="${target}" />`,
    ),
  ];
  return `<zeebe:ioMapping>\n${lines.join('\n')}\n</zeebe:ioMapping>`;
}

export interface UserTaskExtensions {
  formKey: string;
  candidateGroups: string;
  dueDate?: string;
  inputs?: [string, string][];
  outputs?: [string, string][];
}

export function userTask(options: UserTaskExtensions): string {
  const parts = [
    `<zeebe:formDefinition formKey="${escapeXml(options.formKey)}" />`,
    `<zeebe:assignmentDefinition candidateGroups="${escapeXml(options.candidateGroups)}" />`,
  ];
  if (options.dueDate) parts.push(`<zeebe:taskSchedule dueDate="${escapeXml(options.dueDate)}" />`);
  if ((options.inputs?.length ?? 0) > 0 || (options.outputs?.length ?? 0) > 0) {
    parts.push(ioMapping(options.inputs ?? [], options.outputs ?? []));
  }
  return parts.join('\n');
}

/** A FEEL string literal. */
export function feelString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
