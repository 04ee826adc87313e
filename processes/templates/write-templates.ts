import { writeFile } from 'node:fs/promises';
import { buildTemplate, templateFileName } from './build-template.ts';
import { OPERATION_SPECS } from './operation-specs.ts';

// `npx tsx processes/templates/write-templates.ts` writes one JSON file per operation
// beside this script; templates.test.ts fails when a file differs from its spec.
for (const spec of OPERATION_SPECS) {
  const file = new URL(`./${templateFileName(spec)}`, import.meta.url);
  await writeFile(file, `${JSON.stringify(buildTemplate(spec), null, 2)}\n`);
}
console.log(`wrote ${OPERATION_SPECS.length} element templates`);
