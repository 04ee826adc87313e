import type { BundleManifest } from '../../src/bundle-manifest.ts';
import { STAFF_FORMS, reviewFormName } from '../../src/form-keys.ts';
import type { BundleProcessSpec } from '../specs/spec.types.ts';

// The forms clerks and supervisors fill in: window acceptance, department
// reviews, registry rejections, overdue supervision and the final delivery.
// Their keys are workflow variables (acceptance.*, review.*, resolution.*,
// supervision.*, delivery.*), not citizen data, so they are not in the field
// dictionary; data shown for reference is read-only.

export const FORM_SCHEMA_VERSION = 19;

type Component = Record<string, unknown>;

export interface FormSchema {
  type: 'default';
  id: string;
  schemaVersion: number;
  executionPlatform: 'Camunda Cloud';
  executionPlatformVersion: '8.3.0';
  exporter: { name: string; version: string };
  components: Component[];
}

function idPart(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export function form(bundleKey: string, name: string, components: Component[]): FormSchema {
  return {
    type: 'default',
    id: `Form_${idPart(bundleKey)}_${idPart(name)}`,
    schemaVersion: FORM_SCHEMA_VERSION,
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.3.0',
    exporter: { name: 'OneThing bundle generator', version: '1.0.0' },
    components,
  };
}

const fieldId = (key: string) => `Field_${key.replace(/[^A-Za-z0-9]+/g, '_')}`;

export function text(id: string, markdown: string): Component {
  return { type: 'text', id: `Text_${id}`, text: markdown };
}

export function readonlyField(key: string, label: string): Component {
  return { type: 'textfield', id: fieldId(key), key, label, readonly: true };
}

function radio(key: string, label: string, values: [string, string][]): Component {
  return {
    type: 'radio',
    id: fieldId(key),
    key,
    label,
    values: values.map(([value, valueLabel]) => ({ value, label: valueLabel })),
    validate: { required: true },
  };
}

function textarea(key: string, label: string, required: boolean, hide?: string): Component {
  return {
    type: 'textarea',
    id: fieldId(key),
    key,
    label,
    validate: { required, maxLength: 500 },
    ...(hide ? { conditional: { hide } } : {}),
  };
}

function windowAccept(manifest: BundleManifest): FormSchema {
  return form(manifest.key, STAFF_FORMS.windowAccept, [
    text(
      'Heading',
      `## 综窗受理：${manifest.title['zh-CN']}\n核对申请信息与申请材料，作出受理、退回补正或不予受理的决定。`,
    ),
    {
      type: 'checklist',
      id: fieldId('acceptance.materialsChecked'),
      key: 'acceptance.materialsChecked',
      label: '已核验的申请材料',
      values: manifest.materials.map((material) => ({ value: material.key, label: material.name['zh-CN'] })),
    },
    radio('acceptance.decision', '受理结论', [
      ['accept', '受理'],
      ['return', '退回补正'],
      ['reject', '不予受理'],
    ]),
    textarea(
      'acceptance.reason',
      '退回补正或不予受理的原因（将告知申请人）',
      true,
      '=acceptance.decision != "return" and acceptance.decision != "reject"',
    ),
    textarea('acceptance.comment', '受理意见', false),
  ]);
}

function review(manifest: BundleManifest, spec: BundleProcessSpec, serviceKey: string): FormSchema {
  const service = manifest.services.find((s) => s.key === serviceKey);
  const shows = spec.services.find((s) => s.key === serviceKey)?.reviewShows ?? [];
  const title = service?.title['zh-CN'] ?? serviceKey;
  return form(manifest.key, reviewFormName(serviceKey), [
    text('Heading', `## 审核：${title}\n核对以下信息，审核通过后将自动提交登记机关办理。`),
    ...shows.map(([key, label]) => readonlyField(key, label)),
    radio('review.decision', '审核结论', [
      ['approve', '通过'],
      ['reject', '不通过'],
    ]),
    textarea('review.comment', '不通过的原因', true, '=review.decision != "reject"'),
  ]);
}

function registryRejection(manifest: BundleManifest): FormSchema {
  return form(manifest.key, STAFF_FORMS.registryRejection, [
    text(
      'Heading',
      '## 登记机关驳回：{{serviceTitle}}\n登记机关未受理本次提交。核实情况后重新提交，或终止该事项并说明原因。',
    ),
    readonlyField('registryError.code', '驳回代码'),
    readonlyField('registryError.message', '驳回原因'),
    radio('resolution.decision', '处理结论', [
      ['retry', '重新提交'],
      ['abandon', '终止办理'],
    ]),
    textarea('resolution.comment', '处理说明', true),
  ]);
}

function overdue(manifest: BundleManifest): FormSchema {
  return form(manifest.key, STAFF_FORMS.overdue, [
    text(
      'Heading',
      '## 督办：{{departmentName}}部分超过办理时限\n办理期限：{{overdueSince}}。办理仍在继续，请督促承办部门尽快办结。',
    ),
    textarea('supervision.comment', '督办意见', true),
  ]);
}

function deliverResults(manifest: BundleManifest, spec: BundleProcessSpec): FormSchema {
  const results = spec.services.map((serviceSpec) => {
    const title = manifest.services.find((s) => s.key === serviceSpec.key)?.title['zh-CN'] ?? serviceSpec.key;
    const first = serviceSpec.outputs[0] ?? 'documentUrl';
    return readonlyField(`results.${serviceSpec.key}.${first}`, `${title}（办理结果编号）`);
  });
  return form(manifest.key, STAFF_FORMS.deliverResults, [
    text(
      'Heading',
      `## 统一出件：${manifest.title['zh-CN']}\n核对各部门办理结果，选择出件方式。未办理或被终止的事项结果为空。`,
    ),
    ...results,
    radio('delivery.method', '出件方式', [
      ['online', '电子证照推送'],
      ['mail', '邮寄送达'],
      ['window', '窗口领取'],
    ]),
    {
      type: 'textfield',
      id: fieldId('delivery.trackingNo'),
      key: 'delivery.trackingNo',
      label: '邮寄单号',
      validate: { required: true, maxLength: 50 },
      conditional: { hide: '=delivery.method != "mail"' },
    },
    textarea('delivery.comment', '出件说明', false),
  ]);
}

/** Every staff form of a bundle, by form name. */
export function staffForms(manifest: BundleManifest, spec: BundleProcessSpec): Map<string, FormSchema> {
  const forms = new Map<string, FormSchema>([
    [STAFF_FORMS.windowAccept, windowAccept(manifest)],
    [STAFF_FORMS.deliverResults, deliverResults(manifest, spec)],
    [STAFF_FORMS.overdue, overdue(manifest)],
    [STAFF_FORMS.registryRejection, registryRejection(manifest)],
  ]);
  for (const service of manifest.services.filter((s) => s.mode === 'review')) {
    forms.set(reviewFormName(service.key), review(manifest, spec, service.key));
  }
  return forms;
}
