import { readFileSync } from 'node:fs';
// @ts-expect-error -- the validator ships no type declarations; the part used is typed below.
import * as templatesValidator from '@bpmn-io/element-templates-validator';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildTemplate, jobType, templateFileName } from './build-template.ts';
import { loadElementTemplates } from './index.ts';
import { OPERATION_SPECS } from './operation-specs.ts';

const schemaJson: unknown = JSON.parse(
  readFileSync(
    new URL(
      '../node_modules/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
      import.meta.url,
    ),
    'utf8',
  ),
);
if (typeof schemaJson !== 'object' || schemaJson === null)
  throw new Error('the element template schema is not a JSON object');
const schema: object = schemaJson;

/** The validator bpmn-js-element-templates runs on every template it loads. */
const validateZeebe: (template: object) => { valid: boolean; errors?: { message: string }[] } =
  templatesValidator.validateZeebe;

interface ContractOperation {
  dept: string;
  operation: string;
  request: Set<string>;
  response: Set<string>;
}

/** The operations of the binding contract, registries/OPERATIONS.md: request table fields and response fields. */
function readContract(): ContractOperation[] {
  const text = readFileSync(new URL('../../registries/OPERATIONS.md', import.meta.url), 'utf8');
  const operations: ContractOperation[] = [];
  let current: ContractOperation | undefined;
  let inResponse = false;
  for (const line of text.split('\n')) {
    const header = /^\*\*([a-z-]+)\*\* — .*`POST \/registries\/([a-z]+)\//.exec(line);
    if (header?.[1] && header[2]) {
      current = { dept: header[2], operation: header[1], request: new Set(), response: new Set() };
      operations.push(current);
      inResponse = false;
      continue;
    }
    if (!current || line.startsWith('#')) {
      current = undefined;
      continue;
    }
    if (line.startsWith('| ') && !line.startsWith('| request')) {
      const firstCell = line.split('|')[1] ?? '';
      for (const name of firstCell.match(/`([a-zA-Z]+)`/g) ?? []) current.request.add(name.slice(1, -1));
    }
    if (line.startsWith('Response:')) inResponse = true;
    if (line.startsWith('Rejections:') || line.trim() === '') inResponse = false;
    if (inResponse) {
      const withoutNotes = line.replace(/\([^)]*\)/g, '');
      for (const name of withoutNotes.match(/`([a-z][a-zA-Z]*)`/g) ?? [])
        current.response.add(name.slice(1, -1));
    }
  }
  return operations;
}

describe('element templates', () => {
  const templates = loadElementTemplates();
  const contract = readContract();

  it('validates every template against the official Zeebe element template schema', () => {
    // given
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    // then
    for (const template of templates) {
      expect(validate(template.json), `${template.file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('passes the validator the Studio’s modeler (bpmn-js-element-templates) applies when loading templates', () => {
    for (const template of templates) {
      const result = validateZeebe(template.json);
      expect(result.errors?.map((error) => error.message) ?? [], template.file).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('has one template per operation of OPERATIONS.md with unique ids', () => {
    expect(contract.length).toBe(20);
    expect(templates.map((t) => t.file).sort()).toEqual(
      contract.map((op) => `${op.dept}-${op.operation}.json`).sort(),
    );
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });

  it('keeps the JSON files equal to their specs (regenerate with write-templates.ts)', () => {
    for (const spec of OPERATION_SPECS) {
      const file = templates.find((t) => t.file === templateFileName(spec));
      expect(file?.json, templateFileName(spec)).toEqual(buildTemplate(spec));
    }
  });

  it('maps exactly the request fields of the contract and only its response fields', () => {
    for (const spec of OPERATION_SPECS) {
      const operation = contract.find((op) => op.dept === spec.dept && op.operation === spec.operation);
      expect(operation, jobType(spec)).toBeDefined();
      expect(new Set(spec.inputs.map((input) => input.name)), jobType(spec)).toEqual(operation?.request);
      const unknownOutputs = spec.outputs
        .map((output) => output.source)
        .filter((source) => !operation?.response.has(source));
      expect(unknownOutputs, jobType(spec)).toEqual([]);
    }
  });

  it('gives every template the connector’s job type and the registry and operation headers', () => {
    for (const spec of OPERATION_SPECS) {
      const properties = buildTemplate(spec).properties;
      expect(properties).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            value: `onething:${spec.dept}:${spec.operation}`,
            binding: { type: 'zeebe:taskDefinition', property: 'type' },
          }),
          expect.objectContaining({
            value: spec.dept,
            binding: { type: 'zeebe:taskHeader', key: 'registry' },
          }),
          expect.objectContaining({
            value: spec.operation,
            binding: { type: 'zeebe:taskHeader', key: 'operation' },
          }),
        ]),
      );
    }
  });

  it('rejects a template that breaks the schema, so the check can fail', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    const [first] = OPERATION_SPECS;
    if (!first) throw new Error('no operation specs');
    const broken = {
      ...buildTemplate(first),
      properties: [{ type: 'Hidden', value: 'x', binding: { type: 'zeebe:taskDefinition' } }],
    };
    expect(validate(broken)).toBe(false);
    expect(validateZeebe(broken).valid).toBe(false);
  });
});
