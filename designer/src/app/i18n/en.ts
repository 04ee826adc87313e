import { monitorEn } from '../../features/monitor/monitor.messages.ts';
import { portalEn } from '../../features/portal/portal.messages.ts';
import { studioEn } from '../../features/studio/studio.messages.ts';
import { workbenchEn } from '../../features/workbench/workbench.messages.ts';
import type { MessageSchema } from './zh-CN.ts';

export const en: MessageSchema = {
  app: {
    name: 'OneThing',
    tagline: 'Get it done in one go',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
  },
  nav: {
    label: 'Areas',
  },
  areas: {
    portal: {
      title: 'Service portal',
      description:
        'For citizens: find a bundled service for a life event, fill in one form and submit it once, follow each department’s progress and receive the results.',
    },
    workbench: {
      title: 'Workbench',
      description:
        'For the service window and department clerks: accept applications, complete or return the tasks of your group, and finish within the time limit.',
    },
    studio: {
      title: 'Studio',
      description:
        'For process designers: draw a bundle as a BPMN process, attach forms and department operation templates, test-run it and publish a new version.',
    },
    monitor: {
      title: 'Monitor',
      description:
        'For supervisors: watch throughput, processing times per department, time-limit breaches, incidents and risk flags.',
    },
  },
  roles: {
    citizen: 'Citizen',
    clerk: 'Clerk',
    designer: 'Process designer',
    supervisor: 'Supervisor',
    admin: 'Administrator',
  },
  groups: {
    window: 'Service window',
    hr: 'Human resources',
    tax: 'Tax',
    health: 'Health',
    civil: 'Civil affairs',
    supervisor: 'Supervision',
  },
  languages: {
    'zh-CN': '中文',
    en: 'English',
  },
  userMenu: {
    label: 'User menu: {name}',
    roles: 'Roles: {roles}',
    switchLanguage: 'Language',
    signOut: 'Sign out',
    signOutFailed: 'Could not sign out: {message}',
  },
  signIn: {
    action: 'Sign in',
    title: 'Sign in',
    subtitle: 'Sign in to OneThing with your account',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    invalidCredentials: 'The username or password is not correct. Please try again.',
    failed: 'Sign-in failed: {message}',
  },
  portal: portalEn,
  workbench: workbenchEn,
  studio: studioEn,
  monitor: monitorEn,
  forbidden: {
    title: 'Access denied',
    description:
      'Your account may not open this page. To open it, sign in with an account that has the right role.',
    goHome: 'Back to my home page',
    switchAccount: 'Switch account',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you asked for does not exist or has been removed.',
    goHome: 'Back to the home page',
  },
  errors: {
    NETWORK_ERROR: 'Cannot reach the server. Please check your connection and try again.',
    RESPONSE_INVALID: 'The server sent an answer this page does not understand. Please try again later.',
    HTTP_ERROR: 'The service is unavailable right now. Please try again later.',
    tooManyRequests: 'Too many attempts. Please wait a moment and try again.',
  },
};
