// Public surface of the Open311 module (client keys of the GeoReport v2 interface).
import './open311.css';

export type { CreatedOpen311Client, Open311Client } from './api/open311.api.ts';
export { Open311Clients } from './components/Open311Clients.tsx';
