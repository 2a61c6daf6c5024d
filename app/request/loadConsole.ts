/** The console's chunk, asked for right after the map's (app/main.tsx); it is shown once the world is open. */
export const loadConsole = () => import('./ConsoleRegion');
