// Public surface of the work module ("my work", việc của tôi) for pages and the app shell.
export { WorkSection } from './components/WorkSection.tsx';
export { HOME_PATHS, homePathFor } from './lib/home.ts';
export { type WorkSectionKey, workSectionsFor } from './lib/sections.ts';
