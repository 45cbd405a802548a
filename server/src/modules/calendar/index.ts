/** Public face of the calendar module (lịch làm việc). */
export { calendarRoutes } from './calendar.routes.js';
export { CalendarService } from './calendar.service.js';
