export {
  nextCycleFiring,
  scheduleTimer,
  type CycleSchedule,
  type TimerDefinitionKind,
  type TimerResult,
  type TimerSchedule,
} from './timer-schedule.ts';
export { parseCron, nextCronTime, type CronExpression, type CronParse } from './cron-expression.ts';
export { parseIsoInterval, addInterval, type IsoInterval } from './iso-interval.ts';
