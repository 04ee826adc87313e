import { option } from './field-builders.ts';

// Option lists shared by several fields. Values are stable identifiers stored in applications;
// labels may change.

export const SEX_OPTIONS = [option('male', '男', 'Male'), option('female', '女', 'Female')];

export const RELATIONSHIP_OPTIONS = [
  option('spouse', '配偶', 'Spouse'),
  option('child', '子女', 'Child'),
  option('parent', '父母', 'Parent'),
  option('sibling', '兄弟姐妹', 'Sibling'),
  option('grandchild', '孙子女、外孙子女', 'Grandchild'),
  option('other', '其他', 'Other'),
];

export const EDUCATION_OPTIONS = [
  option('primary', '小学及以下', 'Primary school or less'),
  option('junior-secondary', '初中', 'Junior secondary'),
  option('senior-secondary', '高中、中专、技校', 'Senior secondary or vocational'),
  option('college', '大专', 'College'),
  option('bachelor', '本科', "Bachelor's degree"),
  option('postgraduate', '研究生', 'Postgraduate'),
];

export const CONTRACT_TYPE_OPTIONS = [
  option('fixed-term', '固定期限', 'Fixed term'),
  option('open-ended', '无固定期限', 'Open-ended'),
  option('task-based', '以完成一定工作任务为期限', 'For a defined task'),
];

export const RETIREMENT_TYPE_OPTIONS = [
  option('statutory', '正常退休', 'Statutory retirement age'),
  option('flexible-early', '弹性提前退休', 'Flexible early retirement'),
  option('special-job', '特殊工种提前退休', 'Early retirement (special job type)'),
  option('disability', '因病或非因工致残提前退休', 'Early retirement (illness or disability)'),
  option('flexible-late', '弹性延迟退休', 'Flexible deferred retirement'),
];

export const SEPARATION_REASON_OPTIONS = [
  option('contract-expired', '劳动合同期满终止', 'Contract expired'),
  option('employer-terminated', '用人单位解除劳动合同', 'Terminated by the employer'),
  option('mutual-agreement', '经用人单位提出协商解除', 'Mutual termination proposed by the employer'),
  option('employer-bankrupt', '用人单位破产、关闭或撤销', 'Employer bankrupt, closed or dissolved'),
  option('employee-for-cause', '因用人单位过错本人解除', 'Resigned because of the employer’s fault'),
  option('voluntary', '本人原因离职', 'Resigned for personal reasons'),
];

export const PARENT_OPTIONS = [option('father', '父亲', 'Father'), option('mother', '母亲', 'Mother')];

export const DEDUCTION_RATIO_OPTIONS = [
  option('100', '一方全额扣除（100%）', 'One parent deducts in full (100%)'),
  option('50', '双方各扣除一半（50%）', 'Each parent deducts half (50%)'),
];

export const DEATH_PLACE_TYPE_OPTIONS = [
  option('hospital', '医疗卫生机构', 'Hospital or clinic'),
  option('home', '家中', 'At home'),
  option('other', '其他场所', 'Elsewhere'),
];
