import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { ElementTemplate } from '../../studio.types.ts';
import { appliesTo, latestVersions, searchTerms, templateGroup } from './department-templates.ts';
import type {
  DiagramElement,
  ElementTemplatesService,
  EventLike,
  PopupMenuEntry,
} from './diagram-services.types.ts';

/** The popup menu that lists the department operations for creating a new task. */
export const CREATE_MENU = 'onething-department-templates';

interface Services {
  elementTemplates: ElementTemplatesService;
  create: { start(event: EventLike, shape: DiagramElement): void };
  popupMenu: {
    registerProvider(id: string, priority: number, provider: object): void;
    open(target: DiagramElement, id: string, position: object, options?: object): void;
  };
  palette: { registerProvider(priority: number, provider: object): void };
  canvas: { getRootElement(): DiagramElement };
  translate: (text: string) => string;
  templates: readonly ElementTemplate[];
}

/**
 * Offers the department operations (element templates) where designers look for elements:
 * in the replace menu of a task ("change element" → a department operation), and from the
 * palette, which opens a menu of operations to place as a new service task.
 */
export class DepartmentTemplatesProvider {
  static $inject = [
    'elementTemplates',
    'create',
    'popupMenu',
    'palette',
    'canvas',
    'translate',
    'config.departmentTemplates',
  ];

  private readonly services: Services;

  constructor(
    elementTemplates: Services['elementTemplates'],
    create: Services['create'],
    popupMenu: Services['popupMenu'],
    palette: Services['palette'],
    canvas: Services['canvas'],
    translate: Services['translate'],
    templates: readonly ElementTemplate[] | undefined,
  ) {
    this.services = {
      elementTemplates,
      create,
      popupMenu,
      palette,
      canvas,
      translate,
      templates: latestVersions(templates ?? []),
    };
    popupMenu.registerProvider('bpmn-replace', 900, this.replaceMenu);
    popupMenu.registerProvider(CREATE_MENU, 1000, this.createMenu);
    palette.registerProvider(900, this.paletteEntries);
  }

  private entries(
    target: DiagramElement,
    action: (event: EventLike, template: ElementTemplate) => void,
  ): Record<string, PopupMenuEntry> {
    const entries: Record<string, PopupMenuEntry> = {};
    for (const template of this.services.templates) {
      if (!appliesTo(template, (type) => is(target, type))) continue;
      entries[`department-template-${template.id}`] = {
        label: template.name,
        className: 'bpmn-icon-service-task',
        description: typeof template.description === 'string' ? template.description : undefined,
        group: templateGroup(template),
        search: searchTerms(template),
        action: (event: EventLike) => action(event, template),
      };
    }
    return entries;
  }

  private readonly replaceMenu = {
    getPopupMenuEntries: (target: DiagramElement) =>
      this.entries(target, (_event, template) => {
        this.services.elementTemplates.applyTemplate(target, template);
      }),
  };

  private readonly createMenu = {
    getPopupMenuEntries: () => {
      // Templates apply to tasks; a plain task stands for any new element here.
      const probe: DiagramElement = {
        businessObject: { $instanceOf: (type: string) => type === 'bpmn:Task' },
      };
      return this.entries(probe, (event, template) => {
        const shape = this.services.elementTemplates.createElement(template);
        this.services.create.start(event, shape);
      });
    },
  };

  private readonly paletteEntries = {
    getPaletteEntries: () => ({
      'create.department-operation': {
        group: 'activity',
        className: 'bpmn-icon-service-task onething-palette-department',
        title: this.services.translate('Create department operation'),
        action: {
          click: (event: EventLike) => {
            this.services.popupMenu.open(
              this.services.canvas.getRootElement(),
              CREATE_MENU,
              { x: event.x ?? 0, y: event.y ?? 0, cursor: { x: event.x ?? 0, y: event.y ?? 0 } },
              { title: this.services.translate('Department operations'), search: true, width: 320 },
            );
          },
        },
      },
    }),
  };
}
