export { scheduledActionsRoutes } from './routes.js';
export { scheduledActionRunner } from './plugin.js';
export { createScheduler, schedulerDefaults, type Scheduler, type SchedulerOptions } from './runner.js';
export { executeScheduledAction } from './execute.js';
