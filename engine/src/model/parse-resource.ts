// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration must travel with the importer (packages that typecheck the engine sources)
/// <reference path="./bpmn-moddle.d.ts" />
import { createHash } from 'node:crypto';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { bool, children, isNode, str } from './moddle-node.ts';
import type { Expression, ProcessModel } from './process-model.ts';
import { Problems, formatProblems } from './problems.ts';
import { transformProcess } from './transform-process.ts';
import type { TransformContext } from './transform-context.ts';

export const MAX_RESOURCE_BYTES = 4 * 1024 * 1024;

/** Checks one FEEL source at deploy time; returns a reason when it does not parse. */
export type FeelChecker = (source: string) => string | undefined;
/**
 * Checks a timer at deploy time (static values, and FEEL values of process
 * timer start events, which have no variables); returns a reason when invalid.
 */
export type TimerChecker = (
  kind: 'timeDate' | 'timeDuration' | 'timeCycle',
  value: Expression,
) => string | undefined;

export interface ResourceCheckers {
  feel: FeelChecker;
  timer: TimerChecker;
}

export type ParsedResource =
  { ok: true; processes: ProcessModel[]; checksum: string; xml: string } | { ok: false; message: string };

// Characters XML 1.0 forbids (control characters other than tab, LF, CR; lone surrogates; U+FFFE/FFFF).
// eslint-disable-next-line no-control-regex -- the XML 1.0 character ranges start with control characters
const INVALID_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

let shared: BpmnModdle | undefined;

/** One moddle instance: building its type registry is the expensive part of a parse. */
function moddle(): BpmnModdle {
  shared ??= new BpmnModdle({ zeebe: zeebeDescriptor });
  return shared;
}

/**
 * Parses and validates one BPMN resource. Hostile input is rejected before
 * the XML parser sees it: oversized documents, DOCTYPE (entity expansion) and
 * characters XML does not allow.
 */
export async function parseBpmnResource(
  name: string,
  content: Uint8Array,
  checkers: ResourceCheckers,
): Promise<ParsedResource> {
  const fail = (reason: string): ParsedResource => ({ ok: false, message: `'${name}': ${reason}` });
  if (content.byteLength > MAX_RESOURCE_BYTES)
    return fail(`the resource is larger than ${MAX_RESOURCE_BYTES} bytes`);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return fail('the resource is not valid UTF-8');
  }
  if (/<!DOCTYPE/i.test(xml)) return fail('a DOCTYPE declaration is not allowed');
  if (INVALID_XML_CHAR.test(xml.replace(/^\uFEFF/, '')))
    return fail('the resource contains characters that are not allowed in XML');
  let parsed: Awaited<ReturnType<BpmnModdle['fromXML']>>;
  try {
    parsed = await moddle().fromXML(xml);
  } catch (error) {
    return fail(
      `the XML cannot be parsed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  const context: TransformContext = { problems: new Problems(), feel: [] };
  for (const warning of parsed.warnings)
    context.problems.add('(document)', warning.message.split('\n')[0] ?? warning.message);
  const definitions = parsed.rootElement;
  if (!isNode(definitions) || definitions.$type !== 'bpmn:Definitions')
    return fail('the document is not a BPMN definitions element');
  const processes: ProcessModel[] = [];
  for (const root of children(definitions, 'rootElements')) {
    if (root.$type !== 'bpmn:Process' || bool(root, 'isExecutable') !== true) continue;
    const model = transformProcess(context, root);
    if (model) processes.push(model);
  }
  if (processes.length === 0 && context.problems.empty)
    return fail('the resource must contain at least one executable process');
  const ids = new Set<string>();
  for (const process of processes) {
    if (ids.has(process.bpmnProcessId))
      context.problems.add(process.bpmnProcessId, 'the process id is used twice in this resource');
    ids.add(process.bpmnProcessId);
  }
  if (processes.length > 1)
    context.problems.add(
      str(definitions, 'id') ?? '(definitions)',
      'more than one executable process per resource is not supported by this engine',
    );
  for (const expression of context.feel) {
    const reason = checkers.feel(expression.source);
    if (reason !== undefined)
      context.problems.add(
        expression.elementId,
        `${expression.what} is not a valid FEEL expression: ${reason}`,
      );
  }
  for (const process of processes) {
    for (const element of process.elements.values()) {
      if (element.event.kind !== 'timer') continue;
      const value = element.event.timer.value;
      const processStart = element.kind === 'startEvent' && element.scopeId === process.bpmnProcessId;
      if (value.kind === 'feel' && !processStart) continue;
      const reason = checkers.timer(element.event.timer.kind, value);
      const text = value.kind === 'static' ? value.value : `=${value.source}`;
      if (reason !== undefined)
        context.problems.add(
          element.id,
          `the timer ${element.event.timer.kind} '${text}' is invalid: ${reason}`,
        );
    }
  }
  if (!context.problems.empty) return { ok: false, message: formatProblems(name, context.problems.list) };
  return { ok: true, processes, checksum: createHash('md5').update(content).digest('hex'), xml };
}
