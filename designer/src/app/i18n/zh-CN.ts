import { monitorZhCN } from '../../features/monitor/monitor.messages.ts';
import { portalZhCN } from '../../features/portal/portal.messages.ts';
import { studioZhCN } from '../../features/studio/studio.messages.ts';
import { workbenchZhCN } from '../../features/workbench/workbench.messages.ts';

/** Chinese (Simplified), the default language. `en.ts` must have exactly the same keys. */
export const zhCN = {
  app: {
    name: 'OneThing 一件事',
    tagline: '高效办成一件事',
    skipToContent: '跳到主要内容',
    loading: '正在加载…',
  },
  nav: {
    label: '功能区',
  },
  areas: {
    portal: {
      title: '办事大厅',
      description:
        '面向群众：查找“一件事”主题服务，一表填报、一次提交，随时查看各部门办理进度并接收办理结果。',
    },
    workbench: {
      title: '工作台',
      description: '面向综合窗口和部门工作人员：受理申请、办理本组待办任务、退回补正，并在办理时限内办结。',
    },
    studio: {
      title: '流程设计',
      description: '面向流程设计人员：用 BPMN 绘制“一件事”流程，关联表单和部门业务模板，试运行后发布新版本。',
    },
    monitor: {
      title: '运行监管',
      description: '面向监管人员：查看办件量、各部门办理时长、超时预警、运行异常和风险提示。',
    },
  },
  roles: {
    citizen: '群众',
    clerk: '工作人员',
    designer: '流程设计人员',
    supervisor: '监管人员',
    admin: '系统管理员',
  },
  groups: {
    window: '综合窗口',
    hr: '人社',
    tax: '税务',
    health: '卫健',
    civil: '民政·户籍',
    supervisor: '督办',
  },
  languages: {
    'zh-CN': '中文',
    en: 'English',
  },
  userMenu: {
    label: '用户菜单：{name}',
    roles: '角色：{roles}',
    switchLanguage: '切换语言',
    signOut: '退出登录',
    signOutFailed: '退出登录失败：{message}',
  },
  signIn: {
    action: '登录',
    title: '登录',
    subtitle: '使用您的账号登录 OneThing 一件事平台',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    invalidCredentials: '用户名或密码不正确，请重新输入。',
    failed: '登录失败：{message}',
  },
  portal: portalZhCN,
  workbench: workbenchZhCN,
  studio: studioZhCN,
  monitor: monitorZhCN,
  forbidden: {
    title: '无权访问',
    description: '您当前的账号没有进入此页面的权限。如需访问，请使用有相应权限的账号登录。',
    goHome: '返回我的首页',
    switchAccount: '切换账号',
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的页面不存在或已被移除。',
    goHome: '返回首页',
  },
  errors: {
    NETWORK_ERROR: '无法连接服务器，请检查网络后重试。',
    RESPONSE_INVALID: '服务器返回的数据无法识别，请稍后重试。',
    HTTP_ERROR: '服务暂时不可用，请稍后重试。',
    tooManyRequests: '尝试次数过多，请稍后再试。',
  },
};

export type MessageSchema = typeof zhCN;
