import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES_DIR = join(import.meta.dirname, '..', 'conformance', 'fixtures');

/**
 * A fixture made unique for one test: process ids, static job types, message
 * and signal names get a suffix, so cases can run concurrently on one engine
 * without taking each other's jobs or messages. Tests keep the readable names
 * and translate them with `id()`, `type()`, `message()`, `signal()`.
 */
export interface UniqueFixture {
  name: string;
  xml: string;
  bytes: Buffer;
  id(processId: string): string;
  type(jobType: string): string;
  message(name: string): string;
  signal(name: string): string;
}

export function readFixture(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8');
}

export function uniqueFixture(file: string, tag: string): UniqueFixture {
  return uniqueXml(file, readFixture(file), tag);
}

export function uniqueXml(name: string, source: string, tag: string): UniqueFixture {
  const suffix = tag.replace(/[^A-Za-z0-9_-]/g, '_');
  const id = (processId: string) => `${processId}_${suffix}`;
  const type = (jobType: string) => `${jobType}-${suffix}`;
  return {
    name,
    xml: source
      .replace(/<bpmn:process id="([^"]+)"/g, (_all, value: string) => `<bpmn:process id="${id(value)}"`)
      .replace(/\bprocessId="([^"=][^"]*)"/g, (_all, value: string) => `processId="${id(value)}"`)
      .replace(
        /(<zeebe:taskDefinition[^>]*\btype=")([^"=][^"]*)"/g,
        (_all, head: string, value: string) => `${head}${type(value)}"`,
      )
      .replace(
        /(<bpmn:(?:message|signal)\b[^>]*\bname=")([^"=][^"]*)"/g,
        (_all, head: string, value: string) => `${head}${type(value)}"`,
      ),
    get bytes() {
      return Buffer.from(this.xml);
    },
    id,
    type,
    message: type,
    signal: type,
  };
}
