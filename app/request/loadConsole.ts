/** The console's chunk, fetched as soon as the app starts (it is shown once the world is open). */
export const loadConsole = () => import('./ConsoleRegion');
