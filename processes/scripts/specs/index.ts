import { newbornSpec } from './newborn.spec.ts';
import type { BundleProcessSpec } from './spec.types.ts';

export const bundleSpecs: readonly BundleProcessSpec[] = [newbornSpec];
