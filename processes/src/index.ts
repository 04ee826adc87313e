export {
  addWorkingDays,
  createWorkingDayCalendar,
  holidayYears,
  isWorkingDay,
  parseHolidayYear,
  workingDayCalendar,
  workingDaysBetween,
} from '../calendar/index.ts';
export type { CalendarDate, HolidayYear, WorkingDayCalendar } from '../calendar/index.ts';
export { ProcessesError, processesErrorCodes } from './errors.ts';
export type { ProcessesErrorCode } from './errors.ts';
