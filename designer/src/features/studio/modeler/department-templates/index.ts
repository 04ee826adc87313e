import { DepartmentTemplatesProvider } from './department-templates.provider.ts';

/** Department operations in the palette and the replace menu (needs the cloud element templates modules). */
export const departmentTemplatesModule = {
  __init__: ['departmentTemplatesProvider'],
  departmentTemplatesProvider: ['type', DepartmentTemplatesProvider],
};
