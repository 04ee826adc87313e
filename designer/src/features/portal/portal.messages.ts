/**
 * The portal area's texts. Each area keeps its own messages so that areas grow
 * without touching each other; `app/i18n` mounts them under `portal`.
 */
export const portalZhCN = {
  signedInAs: '您好，{name}。您已登录，可以在线申请办理“一件事”并查看办理进度。',
  signedInAsStaff: '您好，{name}。您正在以工作人员身份浏览服务目录。',
  notSignedIn: '您尚未登录。无需登录即可浏览服务目录，登录后可在线申请并查看办理进度。',
};

export const portalEn: typeof portalZhCN = {
  signedInAs: 'Hello, {name}. You are signed in and can apply online and follow your applications.',
  signedInAsStaff: 'Hello, {name}. You are browsing the service catalogue as staff.',
  notSignedIn:
    'You are not signed in. You can browse the service catalogue without signing in; sign in to apply online and follow your applications.',
};
