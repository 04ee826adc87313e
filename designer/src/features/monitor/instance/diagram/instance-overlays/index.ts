import { InstanceOverlays } from './instance-overlays.ts';

/** bpmn-js module: `viewer.get('instanceOverlays')` shows one instance's state on the diagram. */
export default {
  __init__: ['instanceOverlays'],
  instanceOverlays: ['type', InstanceOverlays],
};

export { InstanceOverlays, OVERLAY_TYPE, type OverlayTexts } from './instance-overlays.ts';
