export { scheduledActionsRoutes } from './routes.js';
export { scheduledActionRunner } from './plugin.js';
export { createScheduler, schedulerDefaults, type Scheduler, type SchedulerOptions } from './runner.js';
export { executeScheduledAction } from './execute.js';
export {
  createScheduledAction,
  listScheduledActions,
  getScheduledAction,
  updateScheduledAction,
  cancelScheduledAction,
  isPastTimeError,
  type ScheduledActionQuery,
} from './operations.js';
export { isScheduleDateTime, validTimezone } from './input.js';
