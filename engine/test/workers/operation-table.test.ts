import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGISTRY_OPERATIONS, requestFields } from '../../src/workers/operations.ts';
import { isRecord } from '../../src/workers/registry-outcome.ts';

/** The element templates are read as files (the engine imports no other workspace package). */
const TEMPLATES_DIR = fileURLToPath(new URL('../../../processes/templates/', import.meta.url));

interface TemplateFacts {
  file: string;
  jobType?: string;
  headers: Record<string, string>;
  inputs: string[];
  outputSources: string[];
}

function readTemplate(file: string): TemplateFacts {
  const parsed: unknown = JSON.parse(readFileSync(`${TEMPLATES_DIR}${file}`, 'utf8'));
  const facts: TemplateFacts = { file, headers: {}, inputs: [], outputSources: [] };
  const properties: unknown[] = isRecord(parsed) && Array.isArray(parsed.properties) ? parsed.properties : [];
  for (const property of properties) {
    if (!isRecord(property) || !isRecord(property.binding)) continue;
    const binding = property.binding;
    const value = typeof property.value === 'string' ? property.value : '';
    const field = (name: string): string => (typeof binding[name] === 'string' ? binding[name] : '');
    if (binding.type === 'zeebe:taskDefinition' && field('property') === 'type') facts.jobType = value;
    if (binding.type === 'zeebe:taskHeader') facts.headers[field('key')] = value;
    if (binding.type === 'zeebe:input') facts.inputs.push(field('name'));
    if (binding.type === 'zeebe:output') facts.outputSources.push(field('source').replace(/^=/, ''));
  }
  return facts;
}

const templates = readdirSync(TEMPLATES_DIR)
  .filter((file) => file.endsWith('.json'))
  .map(readTemplate);

describe('the connectors’ operation table', () => {
  it('has one operation per element template and no other', () => {
    expect(REGISTRY_OPERATIONS.map((operation) => operation.jobType).sort()).toEqual(
      templates.map((template) => template.jobType).sort(),
    );
  });

  it.each(REGISTRY_OPERATIONS.map((operation) => [operation.jobType, operation] as const))(
    'matches the template of %s',
    (jobType, operation) => {
      // given
      const template = templates.find((candidate) => candidate.jobType === jobType);
      // then
      expect(template, `no template for ${jobType}`).toBeDefined();
      expect(template?.headers).toEqual({ registry: operation.dept, operation: operation.operation });
      expect([...(template?.inputs ?? [])].sort()).toEqual([...requestFields(operation)].sort());
      expect([...(template?.outputSources ?? [])].sort()).toEqual([...operation.response].sort());
    },
  );

  it('posts each operation under its own registry', () => {
    for (const operation of REGISTRY_OPERATIONS)
      expect(operation.path).toMatch(new RegExp(`^/registries/${operation.dept}/[a-z-]+$`));
  });

  it('serves every registry task of the bundles’ processes', () => {
    // given: the job types the bundles put on their tasks
    const processesDir = fileURLToPath(new URL('../../../processes/', import.meta.url));
    const bundleTypes = readdirSync(processesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${processesDir}${entry.name}/process.bpmn`))
      .flatMap((entry) => [
        ...readFileSync(`${processesDir}${entry.name}/process.bpmn`, 'utf8').matchAll(
          /type="(onething:[a-z]+:[a-z-]+)"/g,
        ),
      ])
      .map((match) => match[1]);
    // then
    expect(bundleTypes.length).toBeGreaterThan(0);
    const served = new Set(REGISTRY_OPERATIONS.map((operation) => operation.jobType));
    expect(bundleTypes.filter((type) => !served.has(type ?? ''))).toEqual([]);
  });
});
