import { afterDeathSpec } from './after-death.spec.ts';
import { hiringSpec } from './hiring.spec.ts';
import { newbornSpec } from './newborn.spec.ts';
import type { BundleProcessSpec } from './spec.types.ts';
import { retirementSpec } from './retirement.spec.ts';
import { unemploymentSpec } from './unemployment.spec.ts';

export const bundleSpecs: readonly BundleProcessSpec[] = [
  newbornSpec,
  hiringSpec,
  retirementSpec,
  unemploymentSpec,
  afterDeathSpec,
];
