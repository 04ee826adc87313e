import type { Department, LocalizedText } from './dictionary.types.ts';

export const DEPARTMENT_LABELS: Readonly<Record<Department, LocalizedText>> = {
  window: { 'zh-CN': '综合窗口', en: 'Comprehensive window' },
  hr: { 'zh-CN': '人力资源和社会保障', en: 'Human resources and social security' },
  tax: { 'zh-CN': '税务', en: 'Taxation' },
  health: { 'zh-CN': '卫生健康', en: 'Health' },
  civil: { 'zh-CN': '民政与户籍', en: 'Civil affairs and household registration' },
};
