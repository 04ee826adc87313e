import type { Orm } from '../../orm.ts';
import { BundleVersionSchema } from '../catalogue/bundle-version.entity.ts';
import { userTaskNames } from './user-task-job.ts';

/**
 * The names of the user tasks of each process definition the api deployed,
 * read from the BPMN a published version keeps (the job carries the element
 * id only; the clerk sees the element's name). A definition is
 * `bpmnProcessId` + the engine's version of it, and never changes, so each is
 * read once. Versions that share a definition (a publication that changed
 * forms only) share its BPMN.
 */
export class DeployedTaskNames {
  private readonly loaded = new Map<string, Promise<ReadonlyMap<string, string>>>();

  constructor(private readonly orm: Orm) {}

  /** The element's name, or undefined when the definition or the element has none the api knows. */
  async name(bpmnProcessId: string, engineVersion: number, elementId: string): Promise<string | undefined> {
    const key = `${bpmnProcessId}@${engineVersion}`;
    let names = this.loaded.get(key);
    if (names === undefined) {
      names = this.read(bpmnProcessId, engineVersion);
      this.loaded.set(key, names);
      // Not kept when nothing was found (deployed outside the api, or not yet recorded) or the read failed.
      names.then(
        (found) => {
          if (found.size === 0) this.loaded.delete(key);
        },
        () => this.loaded.delete(key),
      );
    }
    return (await names).get(elementId);
  }

  private async read(bpmnProcessId: string, engineVersion: number): Promise<ReadonlyMap<string, string>> {
    const version = await this.orm.em
      .fork()
      .findOne(
        BundleVersionSchema,
        { bpmnProcessId, engineVersion },
        { fields: ['bpmn'], orderBy: { number: 'asc' }, disableIdentityMap: true },
      );
    return version === null ? new Map() : userTaskNames(version.bpmn);
  }
}
