// Public surface of the feedback module for the citizen side: the panel under the tracking
// timeline (kept apart from the staff pieces in staff.ts so the public chunk stays small).
import './feedback.css';

export { FeedbackPanel, type FeedbackPanelProps } from './components/FeedbackPanel.tsx';
