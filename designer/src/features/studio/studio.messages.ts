/**
 * The studio area's texts. Each area keeps its own messages so that areas grow
 * without touching each other; `app/i18n` mounts them under `studio`.
 */
export const studioZhCN = {};

export const studioEn: typeof studioZhCN = {};
