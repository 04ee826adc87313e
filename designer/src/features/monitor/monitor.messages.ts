/**
 * The monitor area's texts. Each area keeps its own messages so that areas grow
 * without touching each other; `app/i18n` mounts them under `monitor`.
 */
export const monitorZhCN = {};

export const monitorEn: typeof monitorZhCN = {};
