// Public surface of the payments module for the citizen side: the panel under the tracking
// timeline (kept apart from the desk's panel in staff.ts so the public chunk stays small).
import './payments.css';

export { PaymentPanel, type PaymentPanelProps } from './components/PaymentPanel.tsx';
