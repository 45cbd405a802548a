// Public surface of the feedback module for the staff pages (/ho-so/kien-nghi).
import './feedback.css';

export { getPetition, type PetitionDetail } from './api/feedback.api.ts';
export { FeedbackStats } from './components/FeedbackStats.tsx';
export { PetitionQueue } from './components/PetitionQueue.tsx';
export { PetitionView } from './components/PetitionView.tsx';
