import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@camunda/linting/assets/linting.css';
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import camundaCloudBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { ElementTemplate } from '../studio.types.ts';
import { departmentTemplatesModule } from './department-templates/index.ts';
import { liveLintModule } from './live-lint/index.ts';
import { translateModule } from './translate.module.ts';

export interface ModelerOptions {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
  templates: readonly ElementTemplate[];
  locale: string;
}

/**
 * The Studio's process modeler: bpmn-js with Zeebe's moddle, behaviours and properties panel,
 * the department operations as Camunda 8 element templates (properties, palette, replace menu),
 * live Camunda 8 linting on the canvas and the modeler's texts in the user's language.
 * Loaded only by the Studio (its own chunk).
 */
export function createModeler(options: ModelerOptions): Modeler {
  return new Modeler({
    container: options.canvas,
    propertiesPanel: { parent: options.propertiesPanel },
    elementTemplates: [...options.templates],
    departmentTemplates: options.templates,
    linting: { active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      camundaCloudBehaviorsModule,
      departmentTemplatesModule,
      liveLintModule,
      translateModule(options.locale),
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
}

export type { Modeler };
