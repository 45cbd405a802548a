// Public surface of the payments module for the staff dossier page.
import './payments.css';

export { PaymentDeskPanel } from './components/PaymentDeskPanel.tsx';
