/**
 * The workbench area's texts. Each area keeps its own messages so that areas grow
 * without touching each other; `app/i18n` mounts them under `workbench`.
 */
export const workbenchZhCN = {
  yourGroups: '您所在的办理组：{groups}',
};

export const workbenchEn: typeof workbenchZhCN = {
  yourGroups: 'Your groups: {groups}',
};
