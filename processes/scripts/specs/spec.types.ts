import type { Department } from '../../src/bundle-manifest.ts';

/** What the generator needs beyond `bundle.json` to draw a service's tasks. */
export interface ServiceProcessSpec {
  /** The service key in bundle.json. */
  key: string;
  /** Name of the connector task, e.g. 签发出生医学证明. */
  taskName: string;
  /** Request fields of the operation (registries/OPERATIONS.md) ← FEEL over the process variables. */
  inputs: [string, string][];
  /** Response fields kept as `results.<key>`. */
  outputs: string[];
  /**
   * Field dictionary keys of the citizen's form for this service
   * (`forms/<service>.form`); the service forms are written from the
   * dictionary's components for these keys.
   */
  formFields: string[];
  /** Review services: what the clerk sees read-only, as [variable path, label]. */
  reviewShows?: [string, string][];
}

export interface BundleProcessSpec {
  key: string;
  /**
   * Departments in the order reality imposes: the parts of one stage run in
   * parallel; a stage starts when the previous one is done (the household
   * registration needs the birth certificate number).
   */
  stages: Department[][];
  /** In the order they run inside their department's part. */
  services: ServiceProcessSpec[];
}
