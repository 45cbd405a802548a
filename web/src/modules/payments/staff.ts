// Public surface of the payments module for the staff pages.
import './payments.css';

export { PayeeAccountForm } from './components/PayeeAccountForm.tsx';
export { type FeeState, PaymentDeskPanel } from './components/PaymentDeskPanel.tsx';
export { UnmatchedPayments } from './components/UnmatchedPayments.tsx';
