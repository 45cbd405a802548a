// Public surface of the calendar module for pages.
export { CalendarView } from './components/CalendarView.tsx';
export { DueCalculator } from './components/DueCalculator.tsx';
export { OverridesEditor } from './components/OverridesEditor.tsx';
export { WorkingHoursForm } from './components/WorkingHoursForm.tsx';
export { YearSelector } from './components/YearSelector.tsx';
export { useCalendarDays } from './hooks/use-calendar-days.ts';
